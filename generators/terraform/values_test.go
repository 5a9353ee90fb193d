package terraform

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// unknownValue satisfies graph.Value through embedding, the only way a type
// outside the graph package can; the generator must refuse it.
type unknownValue struct{ graph.String }

// expressionGraph has one component of each kind a reference test needs
// and the parameters the values read.
func expressionGraph() *graph.Graph {
	return &graph.Graph{
		Name:       "expressions",
		Parameters: []graph.Parameter{{Name: "name", Type: graph.ParamString}, {Name: "count_of_things", Type: graph.ParamNumber}},
		Components: []graph.Component{
			{ID: "vpc", Kind: graph.KindVPC},
			{ID: "nat_eip_a", Kind: graph.KindElasticIP},
			{ID: "nat", Kind: graph.KindNATGateway},
			{ID: "flow_logs", Kind: graph.KindLogGroup},
			{ID: "role", Kind: graph.KindIAMRole},
			{ID: "key", Kind: graph.KindKMSKey},
			{ID: "topic", Kind: graph.KindSNSTopic},
			{ID: "queue", Kind: graph.KindSQSQueue},
			{ID: "queue_policy", Kind: graph.KindSQSQueuePolicy},
		},
	}
}

func newTestRenderer(t *testing.T) *renderer {
	t.Helper()
	r, err := newRenderer(expressionGraph())
	if err != nil {
		t.Fatalf("newRenderer: %v", err)
	}
	return r
}

// render formats an expression the way it appears in a file.
func render(t *testing.T, r *renderer, v graph.Value) (string, error) {
	t.Helper()
	tokens, err := r.expression(v)
	if err != nil {
		return "", err
	}
	return string(hclwrite.Format(tokens.Bytes())), nil
}

func TestExpression(t *testing.T) {
	tests := []struct {
		name  string
		value graph.Value
		want  string
	}{
		{"string", graph.String("10.0.0.0/16"), `"10.0.0.0/16"`},
		{"string escapes template introducers", graph.String("${x} %{y}"), `"$${x} %%{y}"`},
		{"string escapes quotes and newlines", graph.String("a \"b\"\nc"), `"a \"b\"\nc"`},
		{"int", graph.Int(60), `60`},
		{"negative int", graph.Int(-1), `-1`},
		{"bool", graph.Bool(false), `false`},
		{"empty list", graph.List{}, `[]`},
		{"short list", graph.Strings("a", "b"), `["a", "b"]`},
		{"long list breaks lines", graph.List{graph.RefID("vpc"), graph.RefID("nat"), graph.RefID("nat_eip_a"), graph.RefID("role")},
			"[\n  aws_vpc.main.id,\n  aws_nat_gateway.nat.id,\n  aws_eip.nat_eip_a.id,\n  aws_iam_role.role.id,\n]"},
		{"empty object", graph.Object{}, `{}`},
		{"object quotes keys that are not plain identifiers",
			graph.Object{{Key: "Name", Value: graph.String("x")}, {Key: "aws:tag", Value: graph.Int(1)}, {Key: "with-dash", Value: graph.Bool(true)}, {Key: "null", Value: graph.String("n")}},
			"{\n  Name        = \"x\"\n  \"aws:tag\"   = 1\n  \"with-dash\" = true\n  \"null\"      = \"n\"\n}"},
		{"document", graph.Document{{Key: "Version", Value: graph.String("2012-10-17")}, {Key: "Statement", Value: graph.List{}}},
			"jsonencode({\n  Version   = \"2012-10-17\"\n  Statement = []\n})"},
		{"ref id", graph.RefID("vpc"), `aws_vpc.main.id`},
		{"ref arn", graph.RefARN("vpc"), `aws_vpc.main.arn`},
		{"elastic IP id is the allocation id", graph.RefID("nat_eip_a"), `aws_eip.nat_eip_a.id`},
		{"ref name", graph.Ref{Component: "flow_logs", Attr: graph.AttrName}, `aws_cloudwatch_log_group.flow_logs.name`},
		{"kms key id is key_id", graph.RefID("key"), `aws_kms_key.key.key_id`},
		{"topic arn", graph.RefARN("topic"), `aws_sns_topic.topic.arn`},
		{"queue url", graph.Ref{Component: "queue", Attr: graph.AttrURL}, `aws_sqs_queue.queue.url`},
		{"queue name", graph.Ref{Component: "queue", Attr: graph.AttrName}, `aws_sqs_queue.queue.name`},
		{"document with references", graph.Document{
			{Key: "deadLetterTargetArn", Value: graph.RefARN("queue")}, {Key: "maxReceiveCount", Value: graph.Int(5)},
		}, "jsonencode({\n  deadLetterTargetArn = aws_sqs_queue.queue.arn\n  maxReceiveCount     = 5\n})"},
		{"param", graph.Param("name"), `var.name`},
		{"az", graph.AZ{Index: 3}, `data.aws_availability_zones.available.names[3]`},
		{"region", graph.PseudoRegion, `data.aws_region.current.region`},
		{"account", graph.PseudoAccountID, `data.aws_caller_identity.current.account_id`},
		{"partition", graph.PseudoPartition, `data.aws_partition.current.partition`},
		{"url suffix", graph.PseudoURLSuffix, `data.aws_partition.current.dns_suffix`},
		{"join", graph.Join{graph.Param("name"), graph.String("-public-a")}, `"${var.name}-public-a"`},
		{"empty join", graph.Join{}, `""`},
		{"literal-only join", graph.Join{graph.String("a"), graph.Int(1), graph.Bool(true)}, `"a1true"`},
		{"single-reference join is the bare reference", graph.Join{graph.Param("name")}, `var.name`},
		{"join escapes literal template introducers", graph.Join{graph.String("${a}-%{b}-"), graph.Param("name")}, `"$${a}-%%{b}-${var.name}"`},
		{"introducer split across literal parts", graph.Join{graph.String("$"), graph.String("{a}"), graph.Param("name")}, `"$${a}${var.name}"`},
		{"dollar before interpolation", graph.Join{graph.String("cost$"), graph.Param("name")}, `"cost${"$"}${var.name}"`},
		{"nested join flattens", graph.Join{graph.String("a-"), graph.Join{graph.Param("name"), graph.String("-b")}, graph.String("-c")}, `"a-${var.name}-b-c"`},
		{"join of a reference", graph.Join{graph.RefARN("flow_logs"), graph.String(":*")}, `"${aws_cloudwatch_log_group.flow_logs.arn}:*"`},
		{"struct outside a block is an object with bare keys",
			graph.Struct{{Key: "enabled", Value: graph.Bool(true)}, {Key: "path", Value: graph.String("/")}, {Key: "nested", Value: graph.Struct{}}},
			"{\n  enabled = true\n  path    = \"/\"\n  nested  = {}\n}"},
		{"base64", graph.Base64{Value: graph.String("hello\n")}, `base64encode("hello\n")`},
		{"base64 of a join", graph.Base64{Value: graph.Join{graph.Param("name"), graph.String("\n")}}, `base64encode("${var.name}\n")`},
		{"multi-line base64 inside a value stays quoted", graph.List{graph.Base64{Value: graph.String("a\nb\n")}}, `[base64encode("a\nb\n")]`},
		{"base64 in a join", graph.Join{graph.String("x-"), graph.Base64{Value: graph.Param("name")}}, `"x-${base64encode(var.name)}"`},
		{"cidr subnet", graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 20, NewBits: 5, NetNum: 9}, `cidrsubnet(var.name, 5, 9)`},
		{"cidr subnet of a literal block", graph.CIDRSubnet{Block: graph.String("10.0.0.0/16"), BlockBits: 16, NewBits: 12, NetNum: 4095}, `cidrsubnet("10.0.0.0/16", 12, 4095)`},
		{"cidr subnet in a join", graph.Join{graph.String("net "), graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 24, NewBits: 1, NetNum: 0}}, `"net ${cidrsubnet(var.name, 1, 0)}"`},
	}
	r := newTestRenderer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := render(t, r, tt.value)
			if err != nil {
				t.Fatalf("expression: %v", err)
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestJoinEvaluates parses rendered templates back and evaluates them, so
// escaping is proven by what HCL reads, not by what the text looks like.
func TestJoinEvaluates(t *testing.T) {
	tests := []struct {
		name string
		join graph.Join
		want string
	}{
		{"interpolation", graph.Join{graph.Param("name"), graph.String("-public-a")}, "lab-public-a"},
		{"literal introducers", graph.Join{graph.String("${a} %{b} "), graph.Param("name")}, "${a} %{b} lab"},
		{"introducer across parts", graph.Join{graph.String("$"), graph.String("{a} "), graph.Param("name")}, "${a} lab"},
		{"dollar before interpolation", graph.Join{graph.String("$"), graph.Param("name"), graph.String("$")}, "$lab$"},
		{"percent before interpolation", graph.Join{graph.String("100%"), graph.Param("name")}, "100%lab"},
		{"double dollar before interpolation", graph.Join{graph.String("$$"), graph.Param("name")}, "$$lab"},
		{"quotes and backslashes", graph.Join{graph.String(`"\`), graph.Param("name"), graph.String("\n")}, "\"\\lab\n"},
		{"pseudo values", graph.Join{graph.String("arn:"), graph.PseudoPartition, graph.String(":s3:::"), graph.PseudoRegion}, "arn:aws:s3:::eu-west-1"},
		{"az", graph.Join{graph.AZ{Index: 1}, graph.String("-"), graph.Int(2)}, "eu-west-1b-2"},
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"var": cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("lab")}),
		"data": cty.ObjectVal(map[string]cty.Value{
			"aws_partition": cty.ObjectVal(map[string]cty.Value{"current": cty.ObjectVal(map[string]cty.Value{"partition": cty.StringVal("aws")})}),
			"aws_region":    cty.ObjectVal(map[string]cty.Value{"current": cty.ObjectVal(map[string]cty.Value{"region": cty.StringVal("eu-west-1")})}),
			"aws_availability_zones": cty.ObjectVal(map[string]cty.Value{"available": cty.ObjectVal(map[string]cty.Value{
				"names": cty.ListVal([]cty.Value{cty.StringVal("eu-west-1a"), cty.StringVal("eu-west-1b")}),
			})}),
		}),
	}}
	r := newTestRenderer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := render(t, r, tt.join)
			if err != nil {
				t.Fatalf("expression: %v", err)
			}
			expr, diags := hclsyntax.ParseExpression([]byte(text), "join.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("%s does not parse: %v", text, diags)
			}
			value, diags := expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatalf("%s does not evaluate: %v", text, diags)
			}
			if got := value.AsString(); got != tt.want {
				t.Errorf("%s evaluates to %q, want %q", text, got, tt.want)
			}
		})
	}
}

func TestExpressionErrors(t *testing.T) {
	tests := []struct {
		name  string
		value graph.Value
		want  string
	}{
		{"nil", nil, "missing value"},
		{"unknown value type", unknownValue{"x"}, "unsupported value type terraform.unknownValue"},
		{"unknown value type in a list", graph.List{graph.String("a"), unknownValue{"x"}}, "list item 1: unsupported value type"},
		{"attribute the kind lacks", graph.RefARN("nat"), `kind "nat_gateway" has no attribute "arn" in Terraform (it has "id")`},
		{"empty attribute", graph.Ref{Component: "vpc"}, `has no attribute ""`},
		{"a queue's id is ambiguous", graph.RefID("queue"),
			`kind "sqs_queue" has no attribute "id" in Terraform (it has "arn", "url", "name")`},
		{"a policy exposes nothing", graph.RefID("queue_policy"), `kind "sqs_queue_policy" has no attribute "id" in Terraform (it has none)`},
		{"unknown component", graph.RefID("nope"), `unknown component "nope"`},
		{"unknown parameter", graph.Param("nope"), `unknown parameter "nope"`},
		{"negative az", graph.AZ{Index: -1}, "index -1 is negative"},
		{"unknown pseudo", graph.Pseudo("stack_name"), `unknown pseudo value "stack_name"`},
		{"duplicate object key", graph.Object{{Key: "a", Value: graph.Int(1)}, {Key: "a", Value: graph.Int(2)}}, `duplicate key "a"`},
		{"nested error keeps its path", graph.Document{{Key: "Statement", Value: graph.List{graph.Object{{Key: "Resource", Value: graph.RefARN("nat")}}}}},
			`key "Statement": list item 0: key "Resource": reference to "nat"`},
		{"list in a join", graph.Join{graph.String("a"), graph.Strings("b")}, "join part 1: a graph.List cannot be part of a string"},
		{"document in a nested join", graph.Join{graph.Join{graph.Document{}}}, "join part 0: join part 0: a graph.Document cannot"},
		{"bad reference in a join", graph.Join{graph.String("a"), graph.Pseudo("nope")}, `join part 1: unknown pseudo value "nope"`},
		{"struct key that is not an argument name", graph.Struct{{Key: "aws:x", Value: graph.Int(1)}}, `struct key "aws:x" is not an argument name`},
		{"struct key that is a literal", graph.Struct{{Key: "null", Value: graph.Int(1)}}, `struct key "null" is not an argument name`},
		{"duplicate struct key", graph.Struct{{Key: "a", Value: graph.Int(1)}, {Key: "a", Value: graph.Int(2)}}, `duplicate key "a"`},
		{"error inside a struct keeps its path", graph.Struct{{Key: "arn", Value: graph.RefARN("nat")}}, `key "arn": reference to "nat"`},
		{"struct in a join", graph.Join{graph.String("a"), graph.Struct{}}, "join part 1: a graph.Struct cannot be part of a string"},
		{"base64 of nothing", graph.Base64{}, "base64: missing value"},
		{"cidr subnet number out of range", graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 20, NewBits: 5, NetNum: 32}, "subnet number 32 is outside 0..31 for 5 new bits"},
		{"cidr subnet without new bits", graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 20}, "0 new bits: a subnet needs at least one"},
		{"cidr subnet of an unknown parameter", graph.CIDRSubnet{Block: graph.Param("nope"), BlockBits: 20, NewBits: 5}, `cidr subnet block: reference to unknown parameter "nope"`},
	}
	r := newTestRenderer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := render(t, r, tt.value)
			if err == nil {
				t.Fatalf("no error, rendered %s", got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func formatTokens(tokens hclwrite.Tokens) []byte { return hclwrite.Format(tokens.Bytes()) }
