package terraform

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// secretGraph is a secret, its generated value and a database that reads
// the user name and password from it.
func secretGraph() *graph.Graph {
	return &graph.Graph{
		Name: "secrets",
		Components: []graph.Component{{
			ID: "db_secret", Kind: graph.KindSecret, Label: "credentials",
			Properties: []graph.Property{
				{Name: "name", Value: graph.String("app-db")},
				{Name: "replica", Value: graph.List{graph.Struct{{Key: "region", Value: graph.String("us-west-2")}}}},
			},
		}, {
			ID: "db_secret_version", Kind: graph.KindSecretVersion, Label: "generated password",
			Properties: []graph.Property{
				{Name: "secret_id", Value: graph.RefID("db_secret")},
				{Name: "secret_string", Value: graph.GeneratedSecret{
					Name: "db_master", Fields: graph.Object{{Key: "username", Value: graph.String("admin")}},
					Key: "password", Length: 32, Exclude: `"@/`,
				}},
			},
		}, {
			ID: "database", Kind: graph.KindDBInstance, Label: "database", Retain: graph.RetainNothing,
			Properties: []graph.Property{
				{Name: "username", Value: graph.SecretValue{Secret: "db_secret", Key: "username"}},
				{Name: "password", Value: graph.SecretValue{Secret: "db_secret", Key: "password"}},
				{Name: "password_version", Value: graph.Int(1)},
			},
		}},
	}
}

// TestSecrets checks how a generated secret renders: one random password
// data source, the secret's value and the database's password only in
// write-only arguments, the user name as its literal, and a Terraform
// version that knows write-only arguments.
func TestSecrets(t *testing.T) {
	files, err := New().Generate(secretGraph())
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.Path] = string(f.Content)
	}
	main := byPath["terraform/main.tf"]
	for _, want := range []string{
		`data "aws_secretsmanager_random_password" "db_master" {`,
		"password_length    = 32",
		`exclude_characters = "\"@/"`,
		"secret_string_wo = jsonencode({",
		`username = "admin"`,
		"password = data.aws_secretsmanager_random_password.db_master.random_password",
		"secret_string_wo_version = 1",
		"password_wo         = data.aws_secretsmanager_random_password.db_master.random_password",
		"password_wo_version = 1",
		"replica {",
	} {
		if !strings.Contains(main, want) {
			t.Errorf("main.tf lacks %q:\n%s", want, main)
		}
	}
	if n := strings.Count(main, `data "aws_secretsmanager_random_password"`); n != 1 {
		t.Errorf("%d random password data sources, want 1", n)
	}
	if want := `required_version = "` + WriteOnlyTerraformVersion + `"`; !strings.Contains(byPath["terraform/versions.tf"], want) {
		t.Errorf("versions.tf lacks %s:\n%s", want, byPath["terraform/versions.tf"])
	}

	g := secretGraph()
	g.Components[2].Properties[0].Value = graph.SecretValue{Secret: "db_secret", Key: "host"}
	if _, err := New().Generate(g); err == nil || !strings.Contains(err.Error(), `secret "db_secret" has no key "host"`) {
		t.Errorf("unknown key: err = %v", err)
	}
	g = secretGraph()
	g.Components = append(g.Components[:1], g.Components[2])
	if _, err := New().Generate(g); err == nil || !strings.Contains(err.Error(), "no secret_version") {
		t.Errorf("secret without a version: err = %v", err)
	}
}
