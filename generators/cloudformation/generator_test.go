package cloudformation_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/internal/testgraphs"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// cases are the graphs every whole-template test renders.
var cases = []struct {
	name  string
	graph func() *graph.Graph
	// tags are the short-form functions the template must contain.
	tags []string
}{
	{"vpc", vpcGraph, []string{"!Ref", "!GetAtt", "!Sub", "!Select", "!GetAZs", "!Join"}},
	{"minimal", minimalGraph, nil},
	{"values", valuesGraph, []string{"!Ref", "!GetAtt", "!Sub", "!Select", "!GetAZs", "!Join"}},
	{"fanout", fanoutGraph, []string{"!Ref", "!GetAtt", "!Sub"}},
	{"asg", asgGraph, []string{"!Ref", "!GetAtt", "!Sub", "!Select", "!GetAZs"}},
	{"pipeline", pipelineGraph, []string{"!Ref", "!GetAtt", "!Sub"}},
	{"failover", testgraphs.Failover, []string{"!Ref", "!GetAtt", "!Sub", "!Select", "!GetAZs"}},
}

func generate(t *testing.T, g *graph.Graph) []byte {
	t.Helper()
	files, err := cloudformation.New().Generate(g)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	if len(files) != 1 {
		t.Fatalf("Generate returned %d files, want 1", len(files))
	}
	want := "cloudformation/" + g.Blueprint + ".yaml"
	if files[0].Path != want {
		t.Errorf("path = %q, want %q", files[0].Path, want)
	}
	return files[0].Content
}

func TestName(t *testing.T) {
	if got := cloudformation.New().Name(); got != "cloudformation" {
		t.Errorf("Name() = %q, want %q", got, "cloudformation")
	}
}

// TestGolden compares each template with testdata/<name>.yaml; -update
// rewrites them. The goldens are reviewed by people, and CI runs cfn-lint
// over the golden templates from scripts/check-examples.sh, because a golden
// file only proves the output is stable.
func TestGolden(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got := generate(t, tt.graph())
			golden := filepath.Join("testdata", tt.name+".yaml")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update and review the diff):\n%s", golden, got)
			}
			if !bytes.HasSuffix(got, []byte("\n")) || bytes.HasSuffix(got, []byte("\n\n")) {
				t.Errorf("output must end with exactly one newline")
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			first := generate(t, tt.graph())
			for range 5 {
				if again := generate(t, tt.graph()); !bytes.Equal(first, again) {
					t.Fatalf("two renders of the same graph differ")
				}
			}
		})
	}
}

// TestParseBack proves the output is YAML that goccy's own parser reads,
// with the short-form tags where they belong.
func TestParseBack(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			file, err := parser.ParseBytes(generate(t, tt.graph()), parser.ParseComments)
			if err != nil {
				t.Fatalf("output is not valid YAML: %v", err)
			}
			found := map[string]bool{}
			for _, n := range ast.FilterFile(ast.TagType, file) {
				found[n.(*ast.TagNode).Start.Value] = true
			}
			for _, want := range tt.tags {
				if !found[want] {
					t.Errorf("no %s tag in the output", want)
				}
			}
			top := toValue(t, file.Docs[0].Body).(map[string]any)
			if top["AWSTemplateFormatVersion"] != "2010-09-09" {
				t.Errorf("AWSTemplateFormatVersion = %v", top["AWSTemplateFormatVersion"])
			}
		})
	}
}

// TestShortForms pins how each value renders, one line of YAML each.
func TestShortForms(t *testing.T) {
	tests := []struct {
		name  string
		value graph.Value
		want  string
	}{
		{"ref", graph.RefID("vpc"), "!Ref Vpc"},
		{"param", graph.Param("name"), "!Ref Name"},
		{"pseudo", graph.PseudoAccountID, "!Ref AWS::AccountId"},
		{"url suffix", graph.PseudoURLSuffix, "!Ref AWS::URLSuffix"},
		{"getatt arn", graph.RefARN("role"), "!GetAtt Role.Arn"},
		{"eip id", graph.RefID("eip"), "!GetAtt Eip.AllocationId"},
		{"built arn", graph.RefARN("vpc"), "!Sub 'arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/${Vpc}'"},
		{"log group arn", graph.RefARN("logs"), "!Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Logs}'"},
		{"log group name", graph.Ref{Component: "logs", Attr: graph.AttrName}, "!Ref Logs"},
		{"key id", graph.RefID("key"), "!Ref Key"},
		{"key arn", graph.RefARN("key"), "!GetAtt Key.Arn"},
		{"topic arn", graph.RefARN("topic"), "!Ref Topic"},
		{"topic name", graph.Ref{Component: "topic", Attr: graph.AttrName}, "!GetAtt Topic.TopicName"},
		{"queue url", graph.Ref{Component: "queue", Attr: graph.AttrURL}, "!Ref Queue"},
		{"queue arn", graph.RefARN("queue"), "!GetAtt Queue.Arn"},
		{"queue name", graph.Ref{Component: "queue", Attr: graph.AttrName}, "!GetAtt Queue.QueueName"},
		{"queue arn in sub", graph.Join{graph.RefARN("queue"), graph.String("/x")}, "!Sub '${Queue.Arn}/x'"},
		{"az", graph.AZ{Index: 2}, "!Select [2, !GetAZs '']"},
		{"sub", graph.Join{graph.String("x-"), graph.Param("name"), graph.String("-"), graph.RefARN("role")}, "!Sub 'x-${Name}-${Role.Arn}'"},
		{"sub escape", graph.Join{graph.String("${x}-"), graph.Param("name")}, "!Sub '${!x}-${Name}'"},
		{"sub with getatt id", graph.Join{graph.RefID("eip"), graph.String("/32")}, "!Sub '${Eip.AllocationId}/32'"},
		{"nested join", graph.Join{graph.String("a"), graph.Join{graph.String("b"), graph.PseudoRegion}}, "!Sub 'ab${AWS::Region}'"},
		{"built arn inside join", graph.Join{graph.RefARN("logs"), graph.String(":*")}, "!Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Logs}:*'"},
		{"join fallback", graph.Join{graph.Param("name"), graph.String("-"), graph.AZ{Index: 0}}, "!Join ['', [!Ref Name, '-', !Select [0, !GetAZs '']]]"},
		{"join fallback keeps ${", graph.Join{graph.String("${a}"), graph.AZ{Index: 0}}, "!Join ['', ['${a}', !Select [0, !GetAZs '']]]"},
		{"single reference join", graph.Join{graph.RefID("vpc")}, "!Ref Vpc"},
		{"literal join", graph.Join{graph.String("a"), graph.Int(1), graph.Bool(false)}, "a1false"},
		{"empty join", graph.Join{}, "''"},
		{"quoted on", graph.String("on"), "'on'"},
		{"quoted number", graph.String("10"), "'10'"},
		{"quote in string", graph.String("it's: here"), "'it''s: here'"},
		{"multi-line sub", graph.Join{graph.String("line one\n"), graph.Param("name")}, `!Sub "line one\n${Name}"`},
		{"multi-line join", graph.Join{graph.String("a\tb"), graph.AZ{Index: 0}}, `!Join ['', ["a\tb", !Select [0, !GetAZs '']]]`},
		{"base64", graph.Base64{Value: graph.String("echo hi")}, "!Base64 'echo hi'"},
		{"base64 of a literal join", graph.Base64{Value: graph.Join{graph.String("a"), graph.Int(1)}}, "!Base64 'a1'"},
		{"cidr", graph.String("0.0.0.0/0"), "0.0.0.0/0"},
		{"cidr subnet", graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 20, NewBits: 5, NetNum: 9}, "!Select [9, !Cidr [!Ref Name, 32, 7]]"},
		{"cidr subnet of a literal block", graph.CIDRSubnet{Block: graph.String("10.0.0.0/16"), BlockBits: 16, NewBits: 8, NetNum: 255}, "!Select [255, !Cidr ['10.0.0.0/16', 256, 8]]"},
		{"cidr subnet in a join", graph.Join{graph.String("net "), graph.CIDRSubnet{Block: graph.Param("name"), BlockBits: 24, NewBits: 1, NetNum: 1}},
			"!Join ['', ['net ', !Select [1, !Cidr [!Ref Name, 2, 7]]]]"},
		{"int", graph.Int(60), "60"},
		{"bool", graph.Bool(true), "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := shortFormGraph(tt.value)
			content := generate(t, g)
			got := propertyLine(t, content, "Description: ")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestBase64LongForm pins the long form that Base64 takes around an
// intrinsic: a YAML node has one tag, so `!Base64 !Sub` cannot be written.
func TestBase64LongForm(t *testing.T) {
	tests := []struct {
		name  string
		value graph.Value
		want  string
	}{
		{
			"sub",
			graph.Base64{Value: graph.Join{graph.String("#!/bin/bash\necho "), graph.PseudoRegion, graph.String("\n")}},
			"Description:\n        Fn::Base64: !Sub \"#!/bin/bash\\necho ${AWS::Region}\\n\"\n",
		},
		{"ref", graph.Base64{Value: graph.Param("name")}, "Description:\n        Fn::Base64: !Ref Name\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			content := string(generate(t, shortFormGraph(tt.value)))
			if !strings.Contains(content, tt.want) {
				t.Errorf("output lacks\n%s\nin:\n%s", tt.want, content)
			}
		})
	}
}

// shortFormGraph puts value into the description of a role, a property
// that takes any string, next to the components the values refer to.
func shortFormGraph(value graph.Value) *graph.Graph {
	g := &graph.Graph{Blueprint: "short", Parameters: []graph.Parameter{{Name: "name", Type: graph.ParamString}}}
	g.Add(
		graph.Component{ID: "vpc", Kind: graph.KindVPC},
		graph.Component{ID: "eip", Kind: graph.KindElasticIP},
		graph.Component{ID: "logs", Kind: graph.KindLogGroup},
		graph.Component{ID: "key", Kind: graph.KindKMSKey},
		graph.Component{ID: "topic", Kind: graph.KindSNSTopic},
		graph.Component{ID: "queue", Kind: graph.KindSQSQueue},
		graph.Component{ID: "role", Kind: graph.KindIAMRole, Properties: []graph.Property{
			{Name: "description", Value: value},
		}},
	)
	return g
}

func propertyLine(t *testing.T, content []byte, prefix string) string {
	t.Helper()
	for _, line := range strings.Split(string(content), "\n") {
		if trimmed := strings.TrimSpace(line); strings.HasPrefix(trimmed, prefix) {
			return strings.TrimPrefix(trimmed, prefix)
		}
	}
	t.Fatalf("no line starting with %q in:\n%s", prefix, content)
	return ""
}

// TestStructure checks the parts of the vpc template that the brief pins
// down, on the parsed document rather than on text.
func TestStructure(t *testing.T) {
	doc := parse(t, generate(t, vpcGraph()))
	resources := doc["Resources"].(map[string]any)
	resource := func(id string) map[string]any {
		t.Helper()
		r, ok := resources[id].(map[string]any)
		if !ok {
			t.Fatalf("no resource %q", id)
		}
		return r
	}
	properties := func(id string) map[string]any {
		t.Helper()
		p, _ := resource(id)["Properties"].(map[string]any)
		return p
	}

	if got := resource("IgwAttachment")["Type"]; got != "AWS::EC2::VPCGatewayAttachment" {
		t.Errorf("IgwAttachment type = %v", got)
	}
	if got := properties("IgwAttachment")["InternetGatewayId"]; !equalTag(got, "!Ref", "Igw") {
		t.Errorf("attachment InternetGatewayId = %v", got)
	}
	if _, ok := properties("Igw")["VpcId"]; ok {
		t.Errorf("the gateway itself must not carry VpcId")
	}
	for id, want := range map[string]any{
		"PublicDefaultRoute": "IgwAttachment",
		"NatEipA":            "IgwAttachment",
		"FlowLog":            "FlowLogPolicy",
		"PrivateSubnetA":     nil,
	} {
		if got := resource(id)["DependsOn"]; got != want {
			t.Errorf("%s DependsOn = %v, want %v", id, got, want)
		}
	}
	if got := properties("NatGatewayA")["AllocationId"]; !equalTag(got, "!GetAtt", "NatEipA.AllocationId") {
		t.Errorf("NAT AllocationId = %v", got)
	}
	if got := properties("FlowLog")["ResourceType"]; got != "VPC" {
		t.Errorf("flow log ResourceType = %v", got)
	}
	if got := properties("S3Endpoint")["VpcEndpointType"]; got != "Gateway" {
		t.Errorf("endpoint type = %v", got)
	}
	if _, ok := resources["DefaultSg"]; ok {
		t.Errorf("the default security group must not be a resource")
	}
	skipped := doc["Metadata"].(map[string]any)["Scaffold"].(map[string]any)["Unsupported"].([]any)
	if len(skipped) != 1 || skipped[0].(map[string]any)["Component"] != "default_sg" {
		t.Errorf("Metadata.Scaffold.Unsupported = %v", skipped)
	}
	tags := properties("Vpc")["Tags"].([]any)
	var keys []string
	for _, tag := range tags {
		keys = append(keys, tag.(map[string]any)["Key"].(string))
	}
	if got := strings.Join(keys, ","); got != "Name,project,managed-by" {
		t.Errorf("tag keys = %s", got)
	}
	if _, ok := properties("PublicDefaultRoute")["Tags"]; ok {
		t.Errorf("routes take no tags")
	}
	export := doc["Outputs"].(map[string]any)["PublicSubnetIds"].(map[string]any)["Export"].(map[string]any)["Name"]
	if !equalTag(export, "!Sub", "${AWS::StackName}-PublicSubnetIds") {
		t.Errorf("export name = %v", export)
	}
	groups := doc["Metadata"].(map[string]any)["AWS::CloudFormation::Interface"].(map[string]any)["ParameterGroups"].([]any)
	order := groups[0].(map[string]any)["Parameters"].([]any)
	if len(order) != 2 || order[0] != "Name" || order[1] != "FlowLogRetentionDays" {
		t.Errorf("parameter order = %v", order)
	}

	content := string(generate(t, vpcGraph()))
	for _, want := range []string{
		"# Not in this template: \"default_sg\" (default_security_group).",
		"revoke-security-group-ingress",
		"--logical-resource-id Vpc",
		"  # NAT gateway, zone a\n  NatGatewayA:",
	} {
		if !strings.Contains(content, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestFanoutStructure checks the properties the fanout template reshapes
// on the way from the model: one-item lists, Name/Value dimensions, and
// the subscription's wait for its queue policy.
func TestFanoutStructure(t *testing.T) {
	doc := parse(t, generate(t, fanoutGraph()))
	resources := doc["Resources"].(map[string]any)
	resource := func(id string) map[string]any {
		t.Helper()
		r, ok := resources[id].(map[string]any)
		if !ok {
			t.Fatalf("no resource %q", id)
		}
		return r
	}
	properties := func(id string) map[string]any {
		t.Helper()
		p, _ := resource(id)["Properties"].(map[string]any)
		return p
	}
	only := func(where string, v any) any {
		t.Helper()
		list, ok := v.([]any)
		if !ok || len(list) != 1 {
			t.Errorf("%s = %v, want a one-item list", where, v)
			return nil
		}
		return list[0]
	}

	if got := only("TopicPolicy Topics", properties("TopicPolicy")["Topics"]); !equalTag(got, "!Ref", "Topic") {
		t.Errorf("TopicPolicy Topics item = %v", got)
	}
	if got := only("BillingQueuePolicy Queues", properties("BillingQueuePolicy")["Queues"]); !equalTag(got, "!Ref", "BillingQueue") {
		t.Errorf("BillingQueuePolicy Queues item = %v", got)
	}
	dimension, _ := only("ShippingDlqAlarm Dimensions", properties("ShippingDlqAlarm")["Dimensions"]).(map[string]any)
	if dimension["Name"] != "QueueName" || !equalTag(dimension["Value"], "!GetAtt", "ShippingDlq.QueueName") {
		t.Errorf("ShippingDlqAlarm dimension = %v", dimension)
	}
	if got := only("ShippingDlqAlarm AlarmActions", properties("ShippingDlqAlarm")["AlarmActions"]); !equalTag(got, "!Ref", "AlarmsTopic") {
		t.Errorf("ShippingDlqAlarm AlarmActions item = %v", got)
	}
	if got := resource("ShippingSubscription")["DependsOn"]; got != "ShippingQueuePolicy" {
		t.Errorf("ShippingSubscription DependsOn = %v", got)
	}
	redrive, _ := properties("BillingQueue")["RedrivePolicy"].(map[string]any)
	if !equalTag(redrive["deadLetterTargetArn"], "!GetAtt", "BillingDlq.Arn") || fmt.Sprint(redrive["maxReceiveCount"]) != "5" {
		t.Errorf("BillingQueue RedrivePolicy = %v", redrive)
	}
	for id, taggable := range map[string]bool{
		"TopicKey": true, "Topic": true, "BillingQueue": true, "BillingDlqAlarm": true,
		"TopicPolicy": false, "BillingQueuePolicy": false, "BillingSubscription": false,
	} {
		if _, ok := properties(id)["Tags"]; ok != taggable {
			t.Errorf("%s has Tags = %v, want %v", id, ok, taggable)
		}
	}
}

// TestASGStructure checks what the mapping capabilities do to the asg
// template: nesting, flattening, translated and attribute-list values,
// repeated blocks, omitted and merged properties, and Base64 user data.
func TestASGStructure(t *testing.T) {
	doc := parse(t, generate(t, asgGraph()))
	resources := doc["Resources"].(map[string]any)
	resource := func(id string) map[string]any {
		t.Helper()
		r, ok := resources[id].(map[string]any)
		if !ok {
			t.Fatalf("no resource %q", id)
		}
		return r
	}
	properties := func(id string) map[string]any {
		t.Helper()
		p, _ := resource(id)["Properties"].(map[string]any)
		return p
	}
	at := func(v any, path ...any) any {
		t.Helper()
		for _, step := range path {
			switch step := step.(type) {
			case string:
				m, ok := v.(map[string]any)
				if !ok {
					t.Fatalf("%v: not a mapping at %q", path, step)
				}
				v = m[step]
			case int:
				l, ok := v.([]any)
				if !ok || step >= len(l) {
					t.Fatalf("%v: no item %d", path, step)
				}
				v = l[step]
			}
		}
		return v
	}

	for _, id := range []string{"InstanceSsm", "CodedeployManaged"} {
		if _, ok := resources[id]; ok {
			t.Errorf("%s merges into its role and must not be a resource", id)
		}
	}
	if got := at(properties("InstanceRole"), "ManagedPolicyArns", 0); !equalTag(got, "!Sub", "arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore") {
		t.Errorf("InstanceRole ManagedPolicyArns = %v", got)
	}
	if got := at(properties("InstanceProfile"), "Roles", 0); !equalTag(got, "!Ref", "InstanceRole") {
		t.Errorf("InstanceProfile Roles = %v", got)
	}

	lt := properties("LaunchTemplate")
	if len(lt) != 2 || lt["LaunchTemplateName"] == nil {
		t.Errorf("launch template properties = %v, want only LaunchTemplateName and LaunchTemplateData", lt)
	}
	data := at(lt, "LaunchTemplateData").(map[string]any)
	if _, ok := data["UpdateDefaultVersion"]; ok {
		t.Errorf("update_default_version must be omitted")
	}
	for _, check := range []struct {
		path []any
		want any
	}{
		{[]any{"SecurityGroupIds", 0}, tagged{tag: "!GetAtt", value: "InstanceSg.GroupId"}},
		{[]any{"MetadataOptions", "HttpTokens"}, "required"},
		{[]any{"MetadataOptions", "HttpPutResponseHopLimit"}, "1"},
		{[]any{"BlockDeviceMappings", 0, "Ebs", "VolumeType"}, "gp3"},
		{[]any{"BlockDeviceMappings", 0, "Ebs", "Encrypted"}, "true"},
		{[]any{"IamInstanceProfile", "Arn"}, tagged{tag: "!GetAtt", value: "InstanceProfile.Arn"}},
		{[]any{"TagSpecifications", 1, "ResourceType"}, "volume"},
		{[]any{"TagSpecifications", 1, "Tags", 0, "Key"}, "Name"},
		{[]any{"TagSpecifications", 1, "Tags", 0, "Value"}, tagged{tag: "!Sub", value: "${Name}-volume"}},
	} {
		got := at(data, check.path...)
		if want, ok := check.want.(tagged); ok {
			if !equalTag(got, want.tag, want.value) {
				t.Errorf("LaunchTemplateData %v = %v, want %s %s", check.path, got, want.tag, want.value)
			}
		} else if fmt.Sprint(got) != check.want {
			t.Errorf("LaunchTemplateData %v = %v, want %v", check.path, got, check.want)
		}
	}
	if got, ok := at(data, "UserData").(map[string]any); !ok || len(got) != 1 || got["Fn::Base64"] != asgUserData {
		t.Errorf("UserData = %#v, want the long form Fn::Base64 of the script", at(data, "UserData"))
	}

	mixed := at(properties("Asg"), "MixedInstancesPolicy")
	if got := at(mixed, "LaunchTemplate", "LaunchTemplateSpecification", "Version"); !equalTag(got, "!GetAtt", "LaunchTemplate.LatestVersionNumber") {
		t.Errorf("launch template version = %v", got)
	}
	if got := at(mixed, "LaunchTemplate", "Overrides", 2, "InstanceType"); got != "m6i.xlarge" {
		t.Errorf("third override = %v", got)
	}
	if got := at(mixed, "InstancesDistribution", "SpotAllocationStrategy"); got != "price-capacity-optimized" {
		t.Errorf("spot allocation strategy = %v", got)
	}
	for id, taggable := range map[string]bool{"Asg": false, "HttpListener": false, "LaunchTemplate": false, "Alb": true, "TargetGroup": true, "App": true} {
		if _, ok := properties(id)["Tags"]; ok != taggable {
			t.Errorf("%s has Tags = %v, want %v", id, ok, taggable)
		}
	}
	if _, ok := properties("CpuTarget")["PolicyName"]; ok {
		t.Errorf("the scaling policy's name must be omitted")
	}

	alb := properties("Alb")
	if alb["Scheme"] != "internet-facing" {
		t.Errorf("Scheme = %v", alb["Scheme"])
	}
	if got := at(alb, "LoadBalancerAttributes", 0); fmt.Sprint(got) != "map[Key:routing.http.drop_invalid_header_fields.enabled Value:true]" {
		t.Errorf("load balancer attribute = %v", got)
	}
	tg := properties("TargetGroup")
	for key, want := range map[string]string{
		"HealthCheckPath": "/health", "HealthCheckIntervalSeconds": "15", "UnhealthyThresholdCount": "3", "Matcher": "map[HttpCode:200]",
	} {
		if got := fmt.Sprint(tg[key]); got != want {
			t.Errorf("target group %s = %s, want %s", key, got, want)
		}
	}
	if _, ok := tg["HealthCheck"]; ok {
		t.Errorf("the health check must be flattened")
	}
	if got := at(tg, "TargetGroupAttributes", 0, "Value"); got != "30" {
		t.Errorf("deregistration delay = %#v, want the string 30", got)
	}
	if got := at(properties("DeploymentGroup"), "LoadBalancerInfo", "TargetGroupInfoList", 0, "Name"); !equalTag(got, "!GetAtt", "TargetGroup.TargetGroupName") {
		t.Errorf("deployment group target group = %v", got)
	}
	if got := resource("Alb")["DependsOn"]; got != "IgwAttachment" {
		t.Errorf("Alb DependsOn = %v", got)
	}
	// The managed policy merges into the role the group already reads,
	// so only the inline policy is left to wait for.
	if got := resource("DeploymentGroup")["DependsOn"]; got != "CodedeployLaunch" {
		t.Errorf("DeploymentGroup DependsOn = %v", got)
	}
	egress := at(properties("InstanceSg"), "SecurityGroupEgress", 0).(map[string]any)
	if egress["CidrIp"] != "255.255.255.255/32" || egress["IpProtocol"] != "icmp" {
		t.Errorf("security group placeholder egress = %v", egress)
	}

	content := string(generate(t, asgGraph()))
	for _, want := range []string{
		"      ManagedPolicyArns:\n        # Systems Manager access, instead of SSH\n        - !Sub",
		"UserData:\n          Fn::Base64: |\n            #!/bin/bash\n            set -euo pipefail\n",
	} {
		if !strings.Contains(content, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func equalTag(v any, tag, value string) bool {
	got, ok := v.(tagged)
	return ok && got.tag == tag && got.value == value
}

// BenchmarkGenerate measures one VPC template; a 1,000-student lab renders
// a thousand of them, so this must stay around a millisecond.
func BenchmarkGenerate(b *testing.B) {
	g := vpcGraph()
	gen := cloudformation.New()
	for b.Loop() {
		if _, err := gen.Generate(g); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParamTag checks that a tag reading a parameter is !Ref of it, after
// the Name tag and among the graph's other tags in their order.
func TestParamTag(t *testing.T) {
	g := &graph.Graph{
		Blueprint:  "tags",
		Parameters: []graph.Parameter{{Name: "student_name", Type: graph.ParamString}},
		Tags:       []graph.Tag{{Key: "Project", Value: "lab"}, {Key: "Student", Param: "student_name"}},
	}
	g.Add(graph.Component{ID: "vpc", Kind: graph.KindVPC, Name: graph.String("lab-vpc")})
	content := string(generate(t, g))
	want := "Tags:\n        - Key: Name\n          Value: lab-vpc\n        - Key: Project\n          Value: lab\n" +
		"        - Key: Student\n          Value: !Ref StudentName\n"
	if !strings.Contains(content, want) {
		t.Errorf("template lacks\n%s\ngot\n%s", want, content)
	}
}
