package terraform

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestName(t *testing.T) {
	if got := New().Name(); got != "terraform" {
		t.Errorf("Name() = %q, want %q", got, "terraform")
	}
}

// TestResourceNames pins the naming rule that references rely on.
func TestResourceNames(t *testing.T) {
	tests := []struct {
		name      string
		component graph.Component
		want      string
	}{
		{"component named after its kind", graph.Component{ID: "vpc", Kind: graph.KindVPC}, "main"},
		{"multi-word kind", graph.Component{ID: "internet_gateway", Kind: graph.KindInternetGateway}, "main"},
		{"other ID", graph.Component{ID: "public_subnet_a", Kind: graph.KindSubnet}, "public_subnet_a"},
		{"ID of another kind", graph.Component{ID: "vpc", Kind: graph.KindFlowLog}, "vpc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resourceName(&tt.component); got != tt.want {
				t.Errorf("resourceName = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGenerateErrors(t *testing.T) {
	vpc := graph.Component{ID: "vpc", Kind: graph.KindVPC, Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}}}
	withComponents := func(components ...graph.Component) *graph.Graph {
		return &graph.Graph{Name: "bad", Components: append([]graph.Component{vpc}, components...)}
	}
	withParameters := func(parameters ...graph.Parameter) *graph.Graph {
		g := withComponents()
		g.Parameters = parameters
		return g
	}
	tests := []struct {
		name  string
		graph *graph.Graph
		want  []string
	}{
		{"nil graph", nil, []string{"render terraform: no graph"}},
		{"invalid graph", withComponents(graph.Component{ID: "subnet", Kind: graph.KindSubnet,
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("nope")}}}),
			[]string{`render terraform for graph "bad": component "subnet" property "vpc_id": reference to unknown component "nope"`}},
		{"unknown kind", withComponents(graph.Component{ID: "queue", Kind: "message_queue"}),
			[]string{`component "queue": kind "message_queue" has no Terraform mapping`}},
		{"invalid resource name", withComponents(graph.Component{ID: "1st", Kind: graph.KindSubnet}),
			[]string{`component "1st": "1st" is not a valid Terraform resource name`}},
		{"two components, one address", withComponents(graph.Component{ID: "main", Kind: graph.KindVPC}),
			[]string{`components "vpc" and "main" both render as aws_vpc.main`}},
		{"unknown property", withComponents(graph.Component{ID: "subnet", Kind: graph.KindSubnet,
			Properties: []graph.Property{{Name: "cidr", Value: graph.String("10.0.0.0/24")}}}),
			[]string{`component "subnet" (subnet): unknown property "cidr" (subnet takes "vpc_id", "cidr_block"`}},
		{"property set twice", withComponents(graph.Component{ID: "igw", Kind: graph.KindInternetGateway,
			Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}, {Name: "vpc_id", Value: graph.RefID("vpc")}}}),
			[]string{`property "vpc_id" set twice`}},
		{"missing property value", withComponents(graph.Component{ID: "igw", Kind: graph.KindInternetGateway,
			Properties: []graph.Property{{Name: "vpc_id"}}}),
			[]string{`property "vpc_id": missing value`}},
		{"unknown value type", withComponents(graph.Component{ID: "eip", Kind: graph.KindElasticIP,
			Properties: []graph.Property{{Name: "domain", Value: unknownValue{"vpc"}}}}),
			[]string{`property "domain": unsupported value type terraform.unknownValue`}},
		{"name on a kind without tags", withComponents(graph.Component{ID: "route", Kind: graph.KindRoute, Name: graph.String("r")}),
			[]string{`component "route" (route): has a Name, but aws_route takes no tags`}},
		{"bad name value", withComponents(graph.Component{ID: "igw", Kind: graph.KindInternetGateway, Name: graph.Strings("a")}),
			[]string{`component "igw" (internet_gateway): name: a graph.List cannot be a Name tag`}},
		{"name on an Auto Scaling group", withComponents(graph.Component{ID: "asg", Kind: graph.KindAutoScalingGroup, Name: graph.String("web")}),
			[]string{`component "asg" (autoscaling_group): has a Name, but aws_autoscaling_group takes no tags`}},
		{"struct as a name", withComponents(graph.Component{ID: "igw", Kind: graph.KindInternetGateway, Name: graph.Struct{}}),
			[]string{`name: a graph.Struct cannot be a Name tag`}},
		{"block given a scalar", withComponents(graph.Component{ID: "tg", Kind: graph.KindLBTargetGroup,
			Properties: []graph.Property{{Name: "health_check", Value: graph.String("/health")}}}),
			[]string{`component "tg" (lb_target_group): property "health_check": "health_check" is a nested block in Terraform: give a Struct or a List of Structs, not a graph.String`}},
		{"block without a value", withComponents(graph.Component{ID: "tg", Kind: graph.KindLBTargetGroup,
			Properties: []graph.Property{{Name: "health_check"}}}),
			[]string{`property "health_check": missing value`}},
		{"repeated block with an item that is not a struct", withComponents(graph.Component{ID: "listener", Kind: graph.KindLBListener,
			Properties: []graph.Property{{Name: "default_action", Value: graph.List{graph.Struct{{Key: "type", Value: graph.String("forward")}}, graph.String("x")}}}}),
			[]string{`property "default_action": list item 1: "default_action" is a nested block in Terraform, so each item must be a Struct, not a graph.String`}},
		{"struct key that is not an argument name", withComponents(graph.Component{ID: "tg", Kind: graph.KindLBTargetGroup,
			Properties: []graph.Property{{Name: "health_check", Value: graph.Struct{{Key: "health-path", Value: graph.String("/")}}}}}),
			[]string{`property "health_check": struct key "health-path" is not an argument name`}},
		{"error deep in nested blocks keeps its path", withComponents(graph.Component{ID: "asg", Kind: graph.KindAutoScalingGroup,
			Properties: []graph.Property{{Name: "mixed_instances_policy", Value: graph.Struct{{Key: "launch_template", Value: graph.Struct{
				{Key: "override", Value: graph.List{graph.Struct{{Key: "instance_type", Value: graph.String("m5.large")}}, graph.Struct{{Key: "instance_type"}}}},
			}}}}}}),
			[]string{`property "mixed_instances_policy": key "launch_template": key "override": list item 1: key "instance_type": missing value`}},
		{"database without a retention", withComponents(graph.Component{ID: "db", Kind: graph.KindDBInstance,
			Properties: []graph.Property{{Name: "instance_class", Value: graph.String("db.t4g.micro")}}}),
			[]string{`component "db" (db_instance): aws_db_instance must say what deleting it keeps: set Retain to "snapshot" or "nothing"`}},
		{"snapshot without an identifier to name it", withComponents(graph.Component{ID: "db", Kind: graph.KindDBInstance, Retain: graph.RetainSnapshot,
			Properties: []graph.Property{{Name: "instance_class", Value: graph.String("db.t4g.micro")}}}),
			[]string{`component "db" (db_instance): retains a snapshot, which is named after the "identifier" property, but the component does not set it`}},
		{"snapshot of a kind without snapshots", withComponents(graph.Component{ID: "bucket", Kind: graph.KindS3Bucket, Retain: graph.RetainSnapshot}),
			[]string{`component "bucket" (s3_bucket): retains a snapshot, but aws_s3_bucket takes no final snapshot`}},
		{"final snapshot set as a property", withComponents(graph.Component{ID: "db", Kind: graph.KindDBInstance, Retain: graph.RetainNothing,
			Properties: []graph.Property{{Name: "skip_final_snapshot", Value: graph.Bool(true)}}}),
			[]string{`component "db" (db_instance): unknown property "skip_final_snapshot"`}},
		{"unknown attribute of a record", withComponents(
			graph.Component{ID: "record", Kind: graph.KindRoute53Record},
			graph.Component{ID: "check", Kind: graph.KindRoute53HealthCheck, Properties: []graph.Property{{Name: "fqdn", Value: graph.RefID("record")}}},
		), []string{`reference to "record": kind "route53_record" has no attribute "id" in Terraform (it has none)`}},
		{"every problem at once", withComponents(
			graph.Component{ID: "a", Kind: graph.KindSubnet, Properties: []graph.Property{{Name: "nope", Value: graph.Int(1)}}},
			graph.Component{ID: "b", Kind: graph.KindRoute, Name: graph.String("b")},
		), []string{`component "a"`, `component "b"`}},
		{"bad default region", &graph.Graph{Name: "bad", Region: "Europe"},
			[]string{`variables.tf: default region "Europe" is not an AWS Region code`}},
		{"duplicate tag", &graph.Graph{Name: "bad", Tags: []graph.Tag{{Key: "a"}, {Key: "a"}}}, []string{`duplicate tag "a"`}},
		{"reserved tag prefix", &graph.Graph{Name: "bad", Tags: []graph.Tag{{Key: "AWS:x"}}}, []string{`tag "AWS:x": the aws: prefix is reserved for AWS`}},
		{"empty tag key", &graph.Graph{Name: "bad", Tags: []graph.Tag{{Key: ""}}}, []string{"tag with an empty key"}},
		{"reserved parameter name", withParameters(graph.Parameter{Name: "region", Type: graph.ParamString}),
			[]string{`parameter "region": the name is reserved`}},
		{"invalid parameter name", withParameters(graph.Parameter{Name: "bad name", Type: graph.ParamString}),
			[]string{`parameter "bad name": not a valid Terraform variable name`}},
		{"unknown parameter type", withParameters(graph.Parameter{Name: "p", Type: "list"}),
			[]string{`parameter "p": unknown parameter type "list"`}},
		{"default of the wrong type", withParameters(graph.Parameter{Name: "p", Type: graph.ParamNumber, Default: graph.String("7")}),
			[]string{`default "7" is a string, but the parameter is a number`}},
		{"default of an unsupported type", withParameters(graph.Parameter{Name: "p", Type: graph.ParamString, Default: graph.Join{}}),
			[]string{"only String and Int defaults are supported"}},
		{"default outside allowed values", withParameters(graph.Parameter{Name: "p", Type: graph.ParamNumber, Default: graph.Int(2), AllowedValues: []string{"1", "3"}}),
			[]string{"default 2 is not one of the allowed values"}},
		{"default not matching the pattern", withParameters(graph.Parameter{Name: "p", Type: graph.ParamString, Default: graph.String("X"), Pattern: "^[a-z]+$"}),
			[]string{`default "X": does not match pattern "^[a-z]+$"`}},
		{"default too long", withParameters(graph.Parameter{Name: "p", Type: graph.ParamString, Default: graph.String("abcd"), MaxLength: 3}),
			[]string{`default "abcd": length out of bounds`}},
		{"invalid pattern", withParameters(graph.Parameter{Name: "p", Type: graph.ParamString, Pattern: "^(a"}),
			[]string{`pattern "^(a"`, "missing closing )"}},
		{"pattern on a number", withParameters(graph.Parameter{Name: "p", Type: graph.ParamNumber, Pattern: "^1$"}),
			[]string{"pattern and length bounds apply to string parameters only"}},
		{"allowed number that is not a number", withParameters(graph.Parameter{Name: "p", Type: graph.ParamNumber, AllowedValues: []string{"one"}}),
			[]string{`allowed value "one" is not a decimal integer`}},
		{"inverted length bounds", withParameters(graph.Parameter{Name: "p", Type: graph.ParamString, MinLength: 5, MaxLength: 2}),
			[]string{"length bounds 5..2 are not a range"}},
		{"invalid output name", &graph.Graph{Name: "bad", Outputs: []graph.Output{{Name: "vpc id", Value: graph.String("x")}}},
			[]string{`outputs.tf: output "vpc id": not a valid Terraform output name`}},
		{"bad output value", &graph.Graph{Name: "bad", Outputs: []graph.Output{{Name: "x", Value: graph.AZ{Index: -2}}}},
			[]string{`output "x": availability zone index -2 is negative`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := New().Generate(tt.graph)
			if err == nil {
				t.Fatalf("no error; generated %d files", len(files))
			}
			if files != nil {
				t.Errorf("returned %d files with an error; want none, so nothing half-done is written", len(files))
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

// TestParameterValidations checks which constraint gets ConstraintHelp and
// that every message is a sentence Terraform accepts.
func TestParameterValidations(t *testing.T) {
	tests := []struct {
		name      string
		parameter graph.Parameter
		want      []string // condition => message, in block order
	}{
		{"no constraints", graph.Parameter{Name: "p", Type: graph.ParamString}, nil},
		{"allowed values with help",
			graph.Parameter{Name: "p", Type: graph.ParamString, AllowedValues: []string{"a", "b"}, ConstraintHelp: "pick a or b"},
			[]string{`contains(["a", "b"], var.p) => Pick a or b.`}},
		{"allowed numbers",
			graph.Parameter{Name: "p", Type: graph.ParamNumber, AllowedValues: []string{"1", "7"}},
			[]string{`contains([1, 7], var.p) => The p must be one of: 1, 7.`}},
		{"help describes the pattern, not the values",
			graph.Parameter{Name: "p", Type: graph.ParamString, AllowedValues: []string{"a"}, Pattern: "^a$", ConstraintHelp: "Only a?"},
			[]string{`contains(["a"], var.p) => The p must be one of: a.`, `can(regex("^a$", var.p)) => Only a?`}},
		{"help describes the bounds when there is no pattern",
			graph.Parameter{Name: "p", Type: graph.ParamString, MinLength: 2, ConstraintHelp: "at least two characters"},
			[]string{`length(var.p) >= 2 => At least two characters.`}},
		{"bounds without help",
			graph.Parameter{Name: "p", Type: graph.ParamString, MinLength: 1, MaxLength: 9},
			[]string{`length(var.p) >= 1 && length(var.p) <= 9 => The p must be 1 to 9 characters long.`}},
		{"pattern without help",
			graph.Parameter{Name: "p", Type: graph.ParamString, Pattern: `^\d+$`},
			[]string{`can(regex("^\\d+$", var.p)) => The p must match the regular expression ^\d+$.`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			validations, err := parameterValidations(&tt.parameter)
			if err != nil {
				t.Fatalf("parameterValidations: %v", err)
			}
			var got []string
			for _, v := range validations {
				got = append(got, string(formatTokens(v.condition))+" => "+sentence(v.message))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"must be lowercase", "Must be lowercase."},
		{"  Already fine.  ", "Already fine."},
		{"Is it?", "Is it?"},
		{"1 to 9 characters", "1 to 9 characters."},
		{"", "Invalid value."},
		{"élan", "Élan."},
	}
	for _, tt := range tests {
		if got := sentence(tt.in); got != tt.want {
			t.Errorf("sentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkGenerate measures one VPC module, the unit a 1,000-student lab
// multiplies; DESIGN.md budgets about a millisecond per environment.
func BenchmarkGenerate(b *testing.B) {
	g := vpcGraph()
	generator := New()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generator.Generate(g); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRemoteState checks what a graph whose state a pipeline keeps adds to
// the module: a partial S3 backend with locking and encryption, and a
// Terraform version that knows use_lockfile. Without RemoteState neither
// appears.
func TestRemoteState(t *testing.T) {
	for _, remote := range []bool{false, true} {
		g := minimalGraph()
		g.RemoteState = remote
		files, err := New().Generate(g)
		if err != nil {
			t.Fatal(err)
		}
		byPath := map[string]string{}
		for _, f := range files {
			byPath[f.Path] = string(f.Content)
		}
		backend, ok := byPath["terraform/backend.tf"]
		if ok != remote {
			t.Fatalf("RemoteState %v: backend.tf written: %v", remote, ok)
		}
		version := RequiredTerraformVersion
		if remote {
			version = RemoteStateTerraformVersion
			for _, want := range []string{`backend "s3" {`, "use_lockfile = true", "encrypt      = true", "-backend-config"} {
				if !strings.Contains(backend, want) {
					t.Errorf("backend.tf lacks %q:\n%s", want, backend)
				}
			}
			_, block, _ := strings.Cut(backend, `backend "s3" {`)
			for _, unwanted := range []string{"bucket", "key", "region"} {
				if strings.Contains(block, unwanted+" ") {
					t.Errorf("backend.tf fixes %q, which the pipeline passes at init:\n%s", unwanted, backend)
				}
			}
		}
		if want := `required_version = "` + version + `"`; !strings.Contains(byPath["terraform/versions.tf"], want) {
			t.Errorf("RemoteState %v: versions.tf lacks %s:\n%s", remote, want, byPath["terraform/versions.tf"])
		}
	}
}
