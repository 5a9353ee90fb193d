package cloudformation_test

import (
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// unknownValue is a Value the generator has never heard of. graph.Value's
// method is unexported, so embedding a real value is the only way to make
// one outside the graph package.
type unknownValue struct{ graph.String }

func TestGenerateErrors(t *testing.T) {
	// base is a valid graph that each case breaks in one way.
	base := func() *graph.Graph {
		g := &graph.Graph{
			Blueprint:  "broken",
			Parameters: []graph.Parameter{{Name: "name", Type: graph.ParamString}},
		}
		g.Add(
			graph.Component{ID: "vpc", Kind: graph.KindVPC},
			graph.Component{ID: "default_sg", Kind: graph.KindDefaultSecurityGroup, Properties: []graph.Property{
				{Name: "vpc_id", Value: graph.RefID("vpc")},
			}},
		)
		return g
	}
	withProperty := func(kind graph.Kind, name string, value graph.Value) func(*graph.Graph) {
		return func(g *graph.Graph) {
			g.Add(graph.Component{ID: "thing", Kind: kind, Properties: []graph.Property{{Name: name, Value: value}}})
		}
	}
	describe := func(value graph.Value) func(*graph.Graph) {
		return withProperty(graph.KindIAMRole, "description", value)
	}
	tests := []struct {
		name   string
		change func(*graph.Graph)
		nilled bool
		want   []string
	}{
		{name: "no graph", nilled: true, want: []string{"no graph"}},
		{name: "no blueprint", change: func(g *graph.Graph) { g.Blueprint = "" }, want: []string{`blueprint name ""`}},
		{name: "blueprint escapes", change: func(g *graph.Graph) { g.Blueprint = "../vpc" }, want: []string{`blueprint name "../vpc"`}},
		{
			name:   "unknown kind",
			change: func(g *graph.Graph) { g.Add(graph.Component{ID: "queue", Kind: "mq_broker"}) },
			want:   []string{`component "queue": kind "mq_broker" has no CloudFormation mapping`},
		},
		{name: "unknown value", change: describe(unknownValue{"x"}), want: []string{`property "description": unsupported value type cloudformation_test.unknownValue`}},
		{name: "nil value", change: describe(nil), want: []string{`property "description": missing value`}},
		{
			name:   "unmapped property",
			change: withProperty(graph.KindVPC, "instance_tenancy", graph.String("default")),
			want:   []string{`property "instance_tenancy" has no CloudFormation mapping for kind "vpc"`},
		},
		{name: "unknown component", change: describe(graph.RefID("nope")), want: []string{`reference to unknown component "nope"`}},
		{
			name:   "unknown attribute",
			change: describe(graph.Ref{Component: "vpc", Attr: graph.AttrName}),
			want:   []string{`component "vpc" of kind "vpc" has no attribute "name" in CloudFormation`},
		},
		{
			name:   "reference to unsupported kind",
			change: describe(graph.RefID("default_sg")),
			want:   []string{`reference to component "default_sg" of kind "default_security_group", which CloudFormation cannot express`},
		},
		{name: "unknown parameter", change: describe(graph.Param("missing")), want: []string{`reference to unknown parameter "missing"`}},
		{name: "unknown pseudo", change: describe(graph.Pseudo("stack_id")), want: []string{`unknown pseudo value "stack_id"`}},
		{
			name:   "unknown parameter in a tag",
			change: func(g *graph.Graph) { g.Tags = append(g.Tags, graph.Tag{Key: "Student", Param: "student"}) },
			want:   []string{`tag "Student": reference to unknown parameter "student"`},
		},
		{name: "negative zone", change: describe(graph.AZ{Index: -1}), want: []string{"availability zone index -1 is negative"}},
		{
			name:   "cidr subnet beyond what !Cidr makes",
			change: describe(graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 16, NewBits: 9, NetNum: 300}),
			want:   []string{"cidr subnet: 9 new bits would need !Cidr to make 512 subnets, but CloudFormation makes at most 256 (8 new bits)"},
		},
		{
			name:   "cidr subnet outside its block",
			change: describe(graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 20, NewBits: 5, NetNum: 32}),
			want:   []string{"subnet number 32 is outside 0..31 for 5 new bits"},
		},
		{
			name:   "cidr subnet of a list",
			change: describe(graph.CIDRSubnet{Block: graph.Strings("10.0.0.0/16"), BlockBits: 16, NewBits: 4}),
			want:   []string{"cidr subnet block: a graph.List is not an address block"},
		},
		{
			name:   "list inside join",
			change: describe(graph.Join{graph.String("a"), graph.Strings("b")}),
			want:   []string{"join part 1: unsupported value type graph.List"},
		},
		{
			name:   "bad reference inside join",
			change: describe(graph.Join{graph.String("a"), graph.RefARN("nope")}),
			want:   []string{`join part 1: reference to unknown component "nope"`},
		},
		{
			name:   "bad list item",
			change: withProperty(graph.KindVPCGatewayEndpoint, "route_table_ids", graph.List{graph.RefID("vpc"), graph.Param("x")}),
			want:   []string{`property "route_table_ids": item 1: reference to unknown parameter "x"`},
		},
		{
			name: "bad document key",
			change: withProperty(graph.KindIAMRole, "assume_role_policy", graph.Document{
				{Key: "Statement", Value: graph.Object{{Key: "Resource", Value: graph.RefID("x")}}},
			}),
			want: []string{`key "Statement": key "Resource": reference to unknown component "x"`},
		},
		{
			name:   "dimensions not an object",
			change: withProperty(graph.KindMetricAlarm, "dimensions", graph.List{graph.String("QueueName")}),
			want:   []string{`property "dimensions": Dimensions takes name/value pairs, which the model writes as an Object, not graph.List`},
		},
		{
			name:   "bad dimension value",
			change: withProperty(graph.KindMetricAlarm, "dimensions", graph.Object{{Key: "QueueName", Value: graph.RefID("nope")}}),
			want:   []string{`property "dimensions": key "QueueName": reference to unknown component "nope"`},
		},
		{
			name:   "bad list property",
			change: withProperty(graph.KindSQSQueuePolicy, "queue_url", graph.Ref{Component: "vpc", Attr: graph.AttrURL}),
			want:   []string{`property "queue_url": component "vpc" of kind "vpc" has no attribute "url" in CloudFormation`},
		},
		{
			name: "bad nested value",
			change: withProperty(graph.KindLaunchTemplate, "metadata_options", graph.Struct{
				{Key: "http_tokens", Value: graph.Param("missing")},
			}),
			want: []string{`property "metadata_options.http_tokens": reference to unknown parameter "missing"`},
		},
		{
			name: "bad value in a repeated block",
			change: withProperty(graph.KindLBListener, "default_action", graph.List{graph.Struct{
				{Key: "redirect", Value: graph.Struct{{Key: "port", Value: graph.RefID("nope")}}},
			}}),
			want: []string{`property "default_action.redirect.port": reference to unknown component "nope"`},
		},
		{
			name:   "repeated block with a stray item",
			change: withProperty(graph.KindLaunchTemplate, "block_device_mappings", graph.List{graph.Struct{}, graph.String("/dev/xvda")}),
			want:   []string{`property "block_device_mappings": item 1 is a graph.String in a list of Structs`},
		},
		{
			name:   "flattened Struct given a scalar",
			change: withProperty(graph.KindLBTargetGroup, "health_check", graph.String("/health")),
			want:   []string{`property "health_check" maps to no CloudFormation property; only a Struct can be flattened`},
		},
		{
			name:   "flattened Struct given a list of Structs",
			change: withProperty(graph.KindLBTargetGroup, "health_check", graph.List{graph.Struct{}}),
			want:   []string{`property "health_check" is a list of Structs, which cannot be flattened`},
		},
		{
			name: "flattened key set twice",
			change: withProperty(graph.KindLBTargetGroup, "health_check", graph.Struct{
				{Key: "path", Value: graph.String("/a")}, {Key: "path", Value: graph.String("/b")},
			}),
			want: []string{`property "health_check.path" sets HealthCheckPath twice`},
		},
		{
			name:   "Struct inside an Object",
			change: withProperty(graph.KindIAMRole, "assume_role_policy", graph.Document{{Key: "Statement", Value: graph.Struct{}}}),
			want:   []string{`key "Statement": a Struct can only be a property value`},
		},
		{
			name:   "value without a translation",
			change: withProperty(graph.KindLoadBalancer, "internal", graph.String("maybe")),
			want:   []string{`property "internal": Scheme has no translation for "maybe"; the model may say "false", "true"`},
		},
		{
			name:   "reference where a translation is needed",
			change: withProperty(graph.KindLoadBalancer, "internal", graph.Param("name")),
			want:   []string{`property "internal": Scheme needs a literal to translate, not graph.ParamRef`},
		},
		{
			name:   "attribute that is not a scalar",
			change: withProperty(graph.KindLoadBalancer, "drop_invalid_header_fields", graph.Strings("true")),
			want:   []string{`property "drop_invalid_header_fields": an attribute value must be a string, number, boolean or reference, not graph.List`},
		},
		{
			name:   "bad attribute reference",
			change: withProperty(graph.KindLBTargetGroup, "deregistration_delay", graph.Param("missing")),
			want:   []string{`property "deregistration_delay": reference to unknown parameter "missing"`},
		},
		{
			name: "tags not an object",
			change: withProperty(graph.KindLaunchTemplate, "tag_specifications", graph.List{graph.Struct{
				{Key: "tags", Value: graph.Strings("Name")},
			}}),
			want: []string{`property "tag_specifications.tags": LaunchTemplateData.TagSpecifications.Tags takes key/value pairs, which the model writes as an Object, not graph.List`},
		},
		{
			name:   "base64 of a list",
			change: describe(graph.Base64{Value: graph.Strings("a")}),
			want:   []string{`property "description": base64 encodes a string, not graph.List`},
		},
		{
			name:   "base64 of a bad value",
			change: describe(graph.Base64{Value: graph.RefID("nope")}),
			want:   []string{`property "description": base64: reference to unknown component "nope"`},
		},
		{
			name:   "database without a retention",
			change: withProperty(graph.KindDBInstance, "instance_class", graph.String("db.t4g.micro")),
			want:   []string{`component "thing": AWS::RDS::DBInstance must say what deleting it keeps: set Retain to "snapshot" or "nothing"`},
		},
		{
			name: "snapshot of a type without snapshots",
			change: func(g *graph.Graph) {
				g.Add(graph.Component{ID: "bucket", Kind: graph.KindS3Bucket, Retain: graph.RetainSnapshot})
			},
			want: []string{`component "bucket": retains a snapshot, but AWS::S3::Bucket has no DeletionPolicy Snapshot`},
		},
		{
			name:   "replication without a bucket",
			change: withProperty(graph.KindS3BucketReplication, "role", graph.String("arn:aws:iam::111111111111:role/r")),
			want:   []string{`component "thing": property "bucket" must reference the s3_bucket that CloudFormation adds it to`},
		},
		{
			name:   "attachment without a role",
			change: withProperty(graph.KindIAMRolePolicyAttachment, "policy_arn", graph.String("arn:aws:iam::aws:policy/ReadOnlyAccess")),
			want:   []string{`component "thing": property "role" must reference the iam_role that CloudFormation adds it to`},
		},
		{
			name:   "attachment to an unknown role",
			change: withProperty(graph.KindIAMRolePolicyAttachment, "role", graph.RefID("ghost")),
			want:   []string{`component "thing": property "role": reference to unknown component "ghost"`},
		},
		{
			name:   "attachment to something else",
			change: withProperty(graph.KindIAMRolePolicyAttachment, "role", graph.RefID("vpc")),
			want:   []string{`property "role" references component "vpc" of kind "vpc", but kind "iam_role_policy_attachment" merges into a iam_role`},
		},
		{
			name: "attachment with an unmapped property",
			change: func(g *graph.Graph) {
				g.Add(
					graph.Component{ID: "role", Kind: graph.KindIAMRole},
					graph.Component{ID: "thing", Kind: graph.KindIAMRolePolicyAttachment, Properties: []graph.Property{
						{Name: "role", Value: graph.RefID("role")}, {Name: "bogus", Value: graph.String("x")},
					}},
				)
			},
			want: []string{`component "thing": property "bogus" has no CloudFormation mapping for kind "iam_role_policy_attachment"`},
		},
		{
			name: "bad merged value",
			change: func(g *graph.Graph) {
				g.Add(
					graph.Component{ID: "role", Kind: graph.KindIAMRole},
					graph.Component{ID: "thing", Kind: graph.KindIAMRolePolicyAttachment, Properties: []graph.Property{
						{Name: "role", Value: graph.RefID("role")}, {Name: "policy_arn", Value: graph.RefID("nope")},
					}},
				)
			},
			want: []string{`component "role": value merged from component "thing": reference to unknown component "nope"`},
		},
		{
			name: "reference to a merged component",
			change: func(g *graph.Graph) {
				g.Add(
					graph.Component{ID: "role", Kind: graph.KindIAMRole},
					graph.Component{ID: "attachment", Kind: graph.KindIAMRolePolicyAttachment, Properties: []graph.Property{
						{Name: "role", Value: graph.RefID("role")}, {Name: "policy_arn", Value: graph.String("arn:a")},
					}},
				)
				describe(graph.RefID("attachment"))(g)
			},
			want: []string{`reference to component "attachment" of kind "iam_role_policy_attachment", which has no resource of its own in CloudFormation`},
		},
		{
			name: "logical ID collision",
			change: func(g *graph.Graph) {
				g.Add(graph.Component{ID: "v_p_c", Kind: graph.KindVPC}, graph.Component{ID: "VPC", Kind: graph.KindVPC})
			},
			want: []string{`component "v_p_c" and component "VPC" both become "VPC"`},
		},
		{
			name: "attachment collision",
			change: func(g *graph.Graph) {
				g.Add(
					graph.Component{ID: "igw_attachment", Kind: graph.KindVPC},
					graph.Component{ID: "igw", Kind: graph.KindInternetGateway, Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}}},
				)
			},
			want: []string{`component "igw_attachment" and component "igw" both become "IgwAttachment"`},
		},
		{
			name: "parameter and resource collision",
			change: func(g *graph.Graph) {
				g.Parameters = append(g.Parameters, graph.Parameter{Name: "vpc", Type: graph.ParamString})
			},
			want: []string{`parameter "vpc" and component "vpc" both become "Vpc"`},
		},
		{
			name: "output collision",
			change: func(g *graph.Graph) {
				g.Outputs = []graph.Output{{Name: "vpc_id", Value: graph.RefID("vpc")}, {Name: "vpc__id", Value: graph.RefID("vpc")}}
			},
			want: []string{`outputs "vpc_id" and "vpc__id" both become "VpcId"`},
		},
		{name: "unnameable component", change: func(g *graph.Graph) { g.Add(graph.Component{ID: "__", Kind: graph.KindVPC}) }, want: []string{`component "__" has no letters or digits`}},
		{
			name: "unnameable parameter",
			change: func(g *graph.Graph) {
				g.Parameters = append(g.Parameters, graph.Parameter{Name: "-", Type: graph.ParamString})
			},
			want: []string{`parameter "-" has no letters or digits`},
		},
		{
			name:   "nested list output",
			change: func(g *graph.Graph) { g.Outputs = []graph.Output{{Name: "ids", Value: graph.List{graph.Strings("a")}}} },
			want:   []string{`output "ids": item 0: a list output can only hold strings and references, not graph.List`},
		},
		{
			name:   "bad output",
			change: func(g *graph.Graph) { g.Outputs = []graph.Output{{Name: "id", Value: graph.RefID("gone")}} },
			want:   []string{`output "id": reference to unknown component "gone"`},
		},
		{
			name: "number with a pattern",
			change: func(g *graph.Graph) {
				g.Parameters = append(g.Parameters, graph.Parameter{Name: "days", Type: graph.ParamNumber, Pattern: "^[0-9]+$"})
			},
			want: []string{`parameter "days": a number parameter cannot have a pattern or length bounds`},
		},
		{
			name: "number with a word",
			change: func(g *graph.Graph) {
				g.Parameters = append(g.Parameters, graph.Parameter{Name: "days", Type: graph.ParamNumber, AllowedValues: []string{"seven"}})
			},
			want: []string{`parameter "days": allowed value "seven" is not an integer`},
		},
		{
			name: "list default",
			change: func(g *graph.Graph) {
				g.Parameters = append(g.Parameters, graph.Parameter{Name: "zones", Type: graph.ParamString, Default: graph.Strings("a")})
			},
			want: []string{`parameter "zones": default of type graph.List is neither a String nor an Int`},
		},
		{
			name:   "unknown parameter type",
			change: func(g *graph.Graph) { g.Parameters = append(g.Parameters, graph.Parameter{Name: "flag", Type: "bool"}) },
			want:   []string{`parameter "flag": unknown parameter type "bool"`},
		},
		{
			name: "unknown dependency",
			change: func(g *graph.Graph) {
				g.Add(graph.Component{ID: "subnet", Kind: graph.KindSubnet, DependsOn: []string{"ghost"}})
			},
			want: []string{`component "subnet": depends on unknown component "ghost"`},
		},
		{
			name: "property set twice",
			change: func(g *graph.Graph) {
				g.Add(graph.Component{ID: "eip", Kind: graph.KindElasticIP, Properties: []graph.Property{
					{Name: "domain", Value: graph.String("vpc")}, {Name: "domain", Value: graph.String("vpc")},
				}})
			},
			want: []string{`property "domain" sets Domain twice`},
		},
		{
			name: "every problem at once",
			change: func(g *graph.Graph) {
				g.Add(graph.Component{ID: "a", Kind: "mystery"}, graph.Component{ID: "b", Kind: graph.KindVPC, Properties: []graph.Property{{Name: "bogus"}}})
				g.Outputs = []graph.Output{{Name: "x", Value: graph.Param("y")}}
			},
			want: []string{`kind "mystery"`, `property "bogus"`, `output "x"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g *graph.Graph
			if !tt.nilled {
				g = base()
				tt.change(g)
			}
			files, err := cloudformation.New().Generate(g)
			if err == nil {
				t.Fatalf("Generate succeeded with %d files, want an error", len(files))
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q\ndoes not mention %q", err, want)
				}
			}
			if files != nil {
				t.Errorf("Generate returned files along with an error")
			}
		})
	}
}

// TestDependsOn covers the dependency rules beyond the vpc golden.
func TestDependsOn(t *testing.T) {
	g := &graph.Graph{Blueprint: "deps"}
	g.Add(
		graph.Component{ID: "vpc", Kind: graph.KindVPC},
		graph.Component{ID: "default_sg", Kind: graph.KindDefaultSecurityGroup, Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}}},
		graph.Component{ID: "igw", Kind: graph.KindInternetGateway, Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}}},
		graph.Component{ID: "eip", Kind: graph.KindElasticIP, DependsOn: []string{"igw", "igw"}},
		graph.Component{ID: "subnet", Kind: graph.KindSubnet, Properties: []graph.Property{{Name: "vpc_id", Value: graph.RefID("vpc")}}},
		graph.Component{
			ID: "nat", Kind: graph.KindNATGateway,
			Properties: []graph.Property{
				{Name: "allocation_id", Value: graph.RefID("eip")},
				{Name: "subnet_id", Value: graph.RefID("subnet")},
			},
			// eip is already referenced, default_sg has no resource, and
			// the gateway means its attachment.
			DependsOn: []string{"eip", "default_sg", "igw", "vpc"},
		},
		graph.Component{ID: "role", Kind: graph.KindIAMRole},
		graph.Component{ID: "attachment", Kind: graph.KindIAMRolePolicyAttachment, Properties: []graph.Property{
			{Name: "role", Value: graph.Ref{Component: "role", Attr: graph.AttrName}},
			{Name: "policy_arn", Value: graph.String("arn:aws:iam::aws:policy/ReadOnlyAccess")},
		}},
		// A policy attachment is part of its role: waiting for it means
		// waiting for the role, and the role waits for nothing of its own.
		graph.Component{ID: "user", Kind: graph.KindLogGroup, DependsOn: []string{"attachment"}},
	)
	g.Components[len(g.Components)-3].DependsOn = []string{"attachment"}
	resources := parse(t, generate(t, g))["Resources"].(map[string]any)
	tests := []struct {
		id   string
		want any
	}{
		{"Eip", "IgwAttachment"},
		{"Subnet", nil},
		{"NatGateway", nil},
		{"Nat", []any{"IgwAttachment", "Vpc"}},
		{"User", "Role"},
		{"Role", nil},
	}
	for _, tt := range tests {
		r, ok := resources[tt.id].(map[string]any)
		if !ok {
			if tt.want != nil {
				t.Errorf("no resource %s", tt.id)
			}
			continue
		}
		got := r["DependsOn"]
		if gotList, ok := got.([]any); ok {
			wantList, _ := tt.want.([]any)
			if strings.Join(toStrings(gotList), ",") != strings.Join(toStrings(wantList), ",") {
				t.Errorf("%s DependsOn = %v, want %v", tt.id, got, tt.want)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%s DependsOn = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func toStrings(items []any) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i], _ = item.(string)
	}
	return out
}

func TestPascalCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"vpc", "Vpc"},
		{"public_subnet_a", "PublicSubnetA"},
		{"flow_log_retention_days", "FlowLogRetentionDays"},
		{"s3_endpoint", "S3Endpoint"},
		{"already_Mixed", "AlreadyMixed"},
		{"kebab-case.name", "KebabCaseName"},
		{"__leading__trailing__", "LeadingTrailing"},
		{"zone_1a", "Zone1a"},
		{"ünïcode_x", "NCodeX"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cloudformation.PascalCase(tt.in); got != tt.want {
			t.Errorf("PascalCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
