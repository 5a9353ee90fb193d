package graph

import (
	"strings"
	"testing"
)

// testBundle is two network stacks and a third that reads one output of
// each.
func testBundle() *Bundle {
	network := func(region string) *Graph {
		return &Graph{
			Region:     region,
			Parameters: []Parameter{{Name: "name", Type: ParamString}},
			Components: []Component{{ID: "vpc", Kind: KindVPC}},
			Tags:       []Tag{{Key: "Blueprint", Value: "vpc"}, {Key: "Tier", Value: "network"}},
			Outputs: []Output{
				{Name: "vpc_id", Value: RefID("vpc")},
				{Name: "vpc_cidr_block", Value: String("10.0.0.0/16")},
				{Name: "subnet_ids", Value: List{RefID("vpc")}},
				{Name: "zones", Value: Int(2)},
			},
		}
	}
	link := &Graph{
		Region: "us-east-1",
		Parameters: []Parameter{
			{Name: "primary_vpc_id", Type: ParamString},
			{Name: "dr_cidr", Type: ParamString},
			{Name: "count", Type: ParamNumber},
		},
		Components: []Component{{ID: "group", Kind: KindSecurityGroup, Properties: []Property{{Name: "vpc_id", Value: Param("primary_vpc_id")}}}},
	}
	return &Bundle{
		Name: "lab",
		Tags: []Tag{{Key: "Blueprint", Value: "pilot-light"}, {Key: "Project", Value: "lab"}},
		Stacks: []Stack{
			{Name: "primary", Graph: network("us-east-1")},
			{Name: "dr", Graph: network("us-west-2")},
			{Name: "link", Graph: link, Inputs: []Input{
				{Parameter: "primary_vpc_id", Stack: "primary", Output: "vpc_id"},
				{Parameter: "dr_cidr", Stack: "dr", Output: "vpc_cidr_block"},
			}},
		},
	}
}

func TestBundleValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(b *Bundle)
		want   []string
	}{
		{"valid", func(b *Bundle) {}, nil},
		{"number input", func(b *Bundle) {
			b.Stacks[2].Inputs = append(b.Stacks[2].Inputs, Input{Parameter: "count", Stack: "dr", Output: "zones"})
		}, nil},
		{"no stacks", func(b *Bundle) { b.Stacks = nil }, []string{"bundle has no stacks"}},
		{"no name", func(b *Bundle) { b.Name = "" }, []string{"bundle has no name"}},
		{"bad stack name", func(b *Bundle) { b.Stacks[1].Name = "dr_west" }, []string{`stack "dr_west": a stack name must be 1 to 32 lowercase letters and digits`}},
		{"duplicate stack", func(b *Bundle) { b.Stacks[1].Name = "primary" }, []string{`duplicate stack "primary"`}},
		{"no graph", func(b *Bundle) { b.Stacks[0].Graph = nil }, []string{`stack "primary" has no graph`}},
		{"invalid graph", func(b *Bundle) { b.Stacks[0].Graph.Outputs[0].Value = RefID("vcp") }, []string{`stack "primary": output "vpc_id": reference to unknown component "vcp"`}},
		{"no region", func(b *Bundle) { b.Stacks[1].Graph.Region = "" }, []string{`stack "dr": its graph has no default region`}},
		{"unknown parameter", func(b *Bundle) { b.Stacks[2].Inputs[0].Parameter = "vpc" }, []string{`stack "link" input "vpc": the stack's graph has no such parameter`}},
		{"wired twice", func(b *Bundle) { b.Stacks[2].Inputs[1].Parameter = "primary_vpc_id" }, []string{`input "primary_vpc_id": the parameter is wired more than once`}},
		{"own output", func(b *Bundle) { b.Stacks[2].Inputs[0].Stack = "link" }, []string{`a stack cannot read its own output "vpc_id"`}},
		{"later stack", func(b *Bundle) {
			b.Stacks[0], b.Stacks[2] = b.Stacks[2], b.Stacks[0]
		}, []string{`stack "primary" is deployed later; move it before "link"`, `stack "dr" is deployed later`}},
		{"unknown stack", func(b *Bundle) { b.Stacks[2].Inputs[0].Stack = "east" }, []string{`input "primary_vpc_id": no stack "east"`}},
		{"unknown output", func(b *Bundle) { b.Stacks[2].Inputs[0].Output = "id" }, []string{`stack "primary" has no output "id"`}},
		{"list output", func(b *Bundle) { b.Stacks[2].Inputs[0].Output = "subnet_ids" }, []string{`output "subnet_ids" of stack "primary" is not a single string or number`}},
		{"type mismatch", func(b *Bundle) { b.Stacks[2].Inputs[0].Output = "zones" }, []string{`output "zones" of stack "primary" is a number, but the parameter is a string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := testBundle()
			tt.modify(b)
			err := b.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want %q", tt.want)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Validate() = %v\nwant it to contain %q", err, want)
				}
			}
		})
	}
}

func TestStackTags(t *testing.T) {
	b := testBundle()
	var got []string
	for _, tag := range b.StackTags("dr") {
		got = append(got, tag.Key+"="+tag.Value)
	}
	// The bundle's Blueprint wins over the graph's; the graph's Tier is
	// added after the bundle's tags.
	if want := "Blueprint=pilot-light Project=lab Tier=network"; strings.Join(got, " ") != want {
		t.Errorf("StackTags(dr) = %q, want %q", strings.Join(got, " "), want)
	}
	if tags := b.StackTags("nowhere"); len(tags) != 2 {
		t.Errorf("StackTags of an unknown stack = %v, want the bundle's tags", tags)
	}
	// The result is a copy: appending to it must not reach the bundle.
	tags := b.StackTags("link")
	tags[0].Value = "changed"
	if b.Tags[0].Value != "pilot-light" {
		t.Error("StackTags returned the bundle's own slice")
	}
}

func TestBundleLookups(t *testing.T) {
	b := testBundle()
	if b.Stack("dr") == nil || b.Stack("east") != nil {
		t.Error("Stack lookup is wrong")
	}
	link := b.Stack("link")
	if in := link.Input("dr_cidr"); in == nil || in.Stack != "dr" {
		t.Errorf("Input(dr_cidr) = %v", in)
	}
	if link.Input("count") != nil {
		t.Error("Input(count) should be nil: the parameter is not wired")
	}
	if b.Stack("primary").Graph.Output("vpc_id") == nil || b.Stack("primary").Graph.Output("id") != nil {
		t.Error("Output lookup is wrong")
	}
}
