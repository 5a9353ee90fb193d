package terraform

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

func waiverGraph(waivers ...graph.Waiver) *graph.Graph {
	return &graph.Graph{
		Name: "w", Blueprint: "w", Region: "us-east-1",
		Components: []graph.Component{{
			ID: "topic", Kind: graph.KindSNSTopic, Label: "topic",
			Properties: []graph.Property{{Name: "name", Value: graph.String("t")}, {Name: "kms_master_key_id", Value: graph.String("alias/aws/sns")}},
			Waivers:    waivers,
		}},
	}
}

func TestWaivers(t *testing.T) {
	files, err := New().Generate(waiverGraph(graph.Waiver{Rule: graph.RuleCustomerManagedKey, Reason: "the AWS-managed\nkey is enough here"}))
	if err != nil {
		t.Fatal(err)
	}
	var main string
	for _, f := range files {
		if f.Path == "terraform/main.tf" {
			main = string(f.Content)
		}
	}
	want := "# topic\n# Deliberate exception (aws-sns-topic-encryption-use-cmk): the AWS-managed key is enough here\n#tfsec:ignore:aws-sns-topic-encryption-use-cmk\nresource \"aws_sns_topic\" \"topic\" {"
	if !strings.Contains(main, want) {
		t.Errorf("main.tf lacks the waiver directly above the resource:\n%s", main)
	}

	tests := []struct {
		name   string
		waiver graph.Waiver
		want   string
	}{
		{"unknown rule", graph.Waiver{Rule: "no-such-rule", Reason: "x"}, `no tfsec check known for waiving "no-such-rule" on sns_topic`},
		{"no reason", graph.Waiver{Rule: graph.RuleCustomerManagedKey, Reason: "  "}, `waiver of "customer-managed-key" has no reason`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New().Generate(waiverGraph(tt.waiver))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Generate error = %v, want %q", err, tt.want)
			}
		})
	}
}
