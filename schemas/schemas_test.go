package schemas

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestTerraform(t *testing.T) {
	s, err := Terraform()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Terraform(); again != s {
		t.Error("Terraform() decoded the schema twice; want one cached value")
	}
	if got := len(s.ResourceTypes()); got != 1581 {
		t.Errorf("resource types = %d, want 1581 (README.md)", got)
	}
	if got := len(s.DataSourceTypes()); got != 630 {
		t.Errorf("data source types = %d, want 630 (README.md)", got)
	}
	if _, ok := s.Resource("aws_vpcc"); ok {
		t.Error(`Resource("aws_vpcc") found a type`)
	}
	if _, ok := s.Resource("aws_availability_zones"); ok {
		t.Error("a data source type was found among resources")
	}

	subnet, ok := s.Resource("aws_subnet")
	if !ok {
		t.Fatal("aws_subnet is missing")
	}
	tests := []struct {
		name     string
		attr     string
		typ      cty.Type
		required bool
		readOnly bool
	}{
		{name: "required", attr: "vpc_id", typ: cty.String, required: true},
		{name: "optional", attr: "cidr_block", typ: cty.String},
		{name: "computed only", attr: "arn", typ: cty.String, readOnly: true},
		{name: "map", attr: "tags", typ: cty.Map(cty.String)},
		{name: "bool", attr: "map_public_ip_on_launch", typ: cty.Bool},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := subnet.Attributes[tt.attr]
			if !ok {
				t.Fatalf("aws_subnet.%s is missing", tt.attr)
			}
			if !a.Type.Equals(tt.typ) || a.Required != tt.required || a.ReadOnly() != tt.readOnly {
				t.Errorf("aws_subnet.%s = %s required=%v read-only=%v, want %s %v %v",
					tt.attr, a.Type.FriendlyName(), a.Required, a.ReadOnly(), tt.typ.FriendlyName(), tt.required, tt.readOnly)
			}
		})
	}

	lt, _ := s.Resource("aws_launch_template")
	if b := lt.BlockTypes["metadata_options"]; b == nil || b.NestingMode != NestingList || b.MaxItems != 1 {
		t.Errorf("aws_launch_template.metadata_options = %+v, want a list block with max_items 1", b)
	}
	azs, ok := s.DataSource("aws_availability_zones")
	if !ok || azs.Attributes["names"] == nil || !azs.Attributes["names"].ReadOnly() {
		t.Error("data source aws_availability_zones has no read-only names")
	}
	if s.Provider.Attributes["region"] == nil || s.Provider.BlockTypes["default_tags"] == nil {
		t.Error(`provider "aws" lacks region or default_tags`)
	}
}

func TestCloudFormation(t *testing.T) {
	s, err := CloudFormation()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := CloudFormation(); again != s {
		t.Error("CloudFormation() decoded the specification twice; want one cached value")
	}
	if s.Version != "aws-service-spec-0.1.216" {
		t.Errorf("Version = %q", s.Version)
	}
	if got := len(s.ResourceTypes()); got != 1828 {
		t.Errorf("resource types = %d, want 1828 (README.md)", got)
	}
	if got := len(s.PropertyTypes()); got != 9877 {
		t.Errorf("property types = %d, want 9877 (README.md)", got)
	}

	subnet, ok := s.ResourceType("AWS::EC2::Subnet")
	if !ok {
		t.Fatal("AWS::EC2::Subnet is missing")
	}
	if p := subnet.Properties["VpcId"]; p == nil || !p.Required || p.PrimitiveType != PrimitiveString {
		t.Errorf("AWS::EC2::Subnet.VpcId = %+v, want a required String", p)
	}
	if p := subnet.Properties["Tags"]; p == nil || p.Type != TypeList || p.ItemType != "Tag" {
		t.Errorf("AWS::EC2::Subnet.Tags = %+v, want a List of Tag", p)
	}
	if _, ok := subnet.Attributes["SubnetId"]; !ok {
		t.Error("AWS::EC2::Subnet has no SubnetId attribute")
	}

	flowLog, _ := s.ResourceType("AWS::EC2::FlowLog")
	if got := flowLog.Properties["TrafficType"].AllowedValues; !slices.Equal(got, AllowedValues{"ACCEPT", "ALL", "REJECT"}) {
		t.Errorf("AWS::EC2::FlowLog.TrafficType allowed values = %q", got)
	}

	resolve := []struct {
		resourceType, short, want string
	}{
		{"AWS::EC2::SecurityGroup", "Ingress", "AWS::EC2::SecurityGroup.Ingress"},
		{"AWS::EC2::VPC", "Tag", "Tag"},
		{"AWS::AutoScaling::AutoScalingGroup", "TagProperty", "AWS::AutoScaling::AutoScalingGroup.TagProperty"},
		{"AWS::EC2::VPC", "Ingress", ""},
		{"AWS::EC2::VPC", "AWS::EC2::SecurityGroup.Ingress", ""},
	}
	for _, tt := range resolve {
		_, full, ok := s.ResolvePropertyType(tt.resourceType, tt.short)
		if full != tt.want || ok != (tt.want != "") {
			t.Errorf("ResolvePropertyType(%q, %q) = %q, %v; want %q", tt.resourceType, tt.short, full, ok, tt.want)
		}
	}
}

// TestAllowedValuesIntegers covers the numeric enumerations (72 in the file).
func TestAllowedValuesIntegers(t *testing.T) {
	var got AllowedValues
	if err := got.UnmarshalJSON([]byte(`["a", 1, 20]`)); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, AllowedValues{"a", "1", "20"}) {
		t.Errorf("got %q", got)
	}
	if err := got.UnmarshalJSON([]byte(`[true]`)); err == nil {
		t.Error("a boolean enumeration value was accepted")
	}
}

// TestEveryEntryDecodes proves the panic in lazyTable.lookup unreachable for
// the embedded files.
func TestEveryEntryDecodes(t *testing.T) {
	tf, err := Terraform()
	if err != nil {
		t.Fatal(err)
	}
	cfn, err := CloudFormation()
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		tf.resources.decodeAll(), tf.dataSources.decodeAll(),
		cfn.resourceTypes.decodeAll(), cfn.propertyTypes.decodeAll(),
	} {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestConcurrentLookups is meant for `go test -race`.
func TestConcurrentLookups(t *testing.T) {
	tf, err := Terraform()
	if err != nil {
		t.Fatal(err)
	}
	cfn, err := CloudFormation()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	blocks := make([]*Block, 8)
	for i := range blocks {
		wg.Go(func() {
			blocks[i], _ = tf.Resource("aws_route_table")
			cfn.ResolvePropertyType("AWS::EC2::VPC", "Tag")
		})
	}
	wg.Wait()
	for _, b := range blocks {
		if b != blocks[0] {
			t.Fatal("concurrent lookups decoded aws_route_table more than once")
		}
	}
}

func BenchmarkLoadTerraform(b *testing.B) {
	for b.Loop() {
		if _, err := decodeTerraform(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadCloudFormation(b *testing.B) {
	for b.Loop() {
		if _, err := decodeCloudFormation(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstLookup is the cost of decoding one large resource type
// the first time it is looked up.
func BenchmarkFirstLookup(b *testing.B) {
	data, err := readGzip("terraform/aws-provider-schema.json.gz")
	if err != nil {
		b.Fatal(err)
	}
	resources, err := splitPath(data, "provider_schemas", TerraformProviderSource, "resource_schemas")
	if err != nil {
		b.Fatal(err)
	}
	raw := map[string]json.RawMessage{"x": resources["aws_launch_template"]}
	for b.Loop() {
		table := newLazyTable[schemaEntry]("resource type", raw)
		if _, err := table["x"](); err != nil {
			b.Fatal(err)
		}
	}
}
