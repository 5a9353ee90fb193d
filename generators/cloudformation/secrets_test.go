package cloudformation_test

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// TestSecrets checks that a secret's generated value becomes its
// GenerateSecretString, and that a database reads the user name and
// password through dynamic references to the secret, with no DependsOn
// that the references already imply.
func TestSecrets(t *testing.T) {
	g := &graph.Graph{
		Name: "secrets", Blueprint: "secrets",
		Components: []graph.Component{{
			ID: "db_secret", Kind: graph.KindSecret, Label: "credentials",
			Properties: []graph.Property{
				{Name: "name", Value: graph.String("app-db")},
				{Name: "replica", Value: graph.List{graph.Struct{
					{Key: "region", Value: graph.String("us-west-2")},
					{Key: "kms_key_id", Value: graph.String("alias/aws/secretsmanager")},
				}}},
				{Name: "recovery_window_in_days", Value: graph.Int(7)},
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
			DependsOn: []string{"db_secret_version"},
		}},
	}
	content := string(generate(t, g))
	for _, want := range []string{
		"Type: AWS::SecretsManager::Secret",
		"ReplicaRegions:\n        - Region: us-west-2\n          KmsKeyId: alias/aws/secretsmanager",
		"GenerateSecretString:\n        SecretStringTemplate: '{\"username\":\"admin\"}'\n        GenerateStringKey: password\n        PasswordLength: 32\n        ExcludeCharacters: '\"@/'",
		"MasterUsername: !Sub '{{resolve:secretsmanager:${DbSecret}:SecretString:username}}'",
		"MasterUserPassword: !Sub '{{resolve:secretsmanager:${DbSecret}:SecretString:password}}'",
	} {
		if !strings.Contains(content, want) {
			t.Errorf("template lacks %q:\n%s", want, content)
		}
	}
	for _, unwanted := range []string{"DependsOn", "RecoveryWindow", "PasswordVersion", "\n        SecretString:"} {
		if strings.Contains(content, unwanted) {
			t.Errorf("template has %q:\n%s", unwanted, content)
		}
	}
}
