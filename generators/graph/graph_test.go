package graph

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	base := func() *Graph {
		return &Graph{
			Parameters: []Parameter{{Name: "name", Type: ParamString}},
			Components: []Component{
				{ID: "vpc", Kind: KindVPC, Properties: []Property{{Name: "cidr_block", Value: String("10.0.0.0/16")}}},
				{ID: "subnet_a", Kind: KindSubnet, Name: Join{Param("name"), String("-a")}, Properties: []Property{{Name: "vpc_id", Value: RefID("vpc")}}},
			},
			Outputs: []Output{{Name: "vpc_id", Value: RefID("vpc")}},
		}
	}
	tests := []struct {
		name   string
		modify func(g *Graph)
		want   string
	}{
		{"valid", func(g *Graph) {}, ""},
		{"duplicate id", func(g *Graph) { g.Components = append(g.Components, Component{ID: "vpc", Kind: KindVPC}) }, `duplicate component ID "vpc"`},
		{"missing id", func(g *Graph) { g.Components = append(g.Components, Component{Kind: KindRoute}) }, `component of kind "route" has no ID`},
		{"unknown ref", func(g *Graph) { g.Components[1].Properties[0].Value = RefID("vcp") }, `component "subnet_a" property "vpc_id": reference to unknown component "vcp"`},
		{"unknown secret", func(g *Graph) {
			g.Components[1].Properties = append(g.Components[1].Properties, Property{Name: "password", Value: SecretValue{Secret: "db_secret", Key: "password"}})
		}, `component "subnet_a" property "password": reference to unknown secret "db_secret"`},
		{"unknown ref in list", func(g *Graph) {
			g.Components[1].Properties = append(g.Components[1].Properties, Property{Name: "x", Value: List{Object{{Key: "k", Value: RefARN("role")}}}})
		}, `component "subnet_a" property "x": reference to unknown component "role"`},
		{"unknown param in name", func(g *Graph) { g.Components[1].Name = Join{Param("nme")} }, `component "subnet_a" name: reference to unknown parameter "nme"`},
		{"unknown param in tag", func(g *Graph) { g.Tags = []Tag{{Key: "Student", Param: "student"}} }, `tag "Student": reference to unknown parameter "student"`},
		{"param tag", func(g *Graph) { g.Tags = []Tag{{Key: "Student", Param: "name"}} }, ""},
		{"cidr subnet", func(g *Graph) {
			g.Components[1].Properties = append(g.Components[1].Properties, Property{Name: "cidr_block", Value: CIDRSubnet{Block: Param("name"), BlockBits: 16, NewBits: 8, NetNum: 255}})
		}, ""},
		{"cidr subnet unknown param", func(g *Graph) {
			g.Components[1].Properties = append(g.Components[1].Properties, Property{Name: "cidr_block", Value: CIDRSubnet{Block: Param("cidr"), BlockBits: 16, NewBits: 8}})
		}, `component "subnet_a" property "cidr_block": reference to unknown parameter "cidr"`},
		{"cidr subnet out of range", func(g *Graph) {
			g.Components[1].Properties = append(g.Components[1].Properties, Property{Name: "cidr_block", Value: CIDRSubnet{Block: Param("name"), BlockBits: 16, NewBits: 8, NetNum: 256}})
		}, `component "subnet_a" property "cidr_block": cidr subnet: subnet number 256 is outside 0..255 for 8 new bits`},
		{"cidr subnet too long", func(g *Graph) {
			g.Components[1].Properties = append(g.Components[1].Properties, Property{Name: "cidr_block", Value: CIDRSubnet{Block: Param("name"), BlockBits: 28, NewBits: 5}})
		}, `cidr subnet: /28 plus 5 bits is longer than /32`},
		{"unknown dependency", func(g *Graph) { g.Components[1].DependsOn = []string{"igw"} }, `component "subnet_a" depends on unknown component "igw"`},
		{"output without value", func(g *Graph) { g.Outputs = append(g.Outputs, Output{Name: "x"}) }, `output "x" has no value`},
		{"duplicate output", func(g *Graph) { g.Outputs = append(g.Outputs, g.Outputs[0]) }, `duplicate output "vpc_id"`},
		{"duplicate parameter", func(g *Graph) { g.Parameters = append(g.Parameters, g.Parameters[0]) }, `duplicate parameter "name"`},
		{"known retention", func(g *Graph) { g.Components[0].Retain = RetainSnapshot }, ""},
		{"unknown retention", func(g *Graph) { g.Components[0].Retain = "forever" }, `component "vpc": unknown retention "forever" (want "snapshot" or "nothing")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := base()
			tt.modify(g)
			err := g.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestUsesAndKinds(t *testing.T) {
	g := &Graph{Components: []Component{
		{ID: "b", Kind: KindSubnet, Properties: []Property{{Name: "availability_zone", Value: AZ{Index: 1}}}},
		{ID: "a", Kind: KindVPC},
		{ID: "c", Kind: KindSubnet},
	}}
	if !g.Uses(func(v Value) bool { _, ok := v.(AZ); return ok }) {
		t.Error("Uses did not find the AZ value")
	}
	if g.Uses(func(v Value) bool { _, ok := v.(Pseudo); return ok }) {
		t.Error("Uses found a Pseudo value that is not there")
	}
	kinds := g.Kinds()
	if len(kinds) != 2 || kinds[0] != KindSubnet || kinds[1] != KindVPC {
		t.Errorf("Kinds() = %v", kinds)
	}
	if g.Component("a") == nil || g.Component("z") != nil {
		t.Error("Component lookup is wrong")
	}
}
