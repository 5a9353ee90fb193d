package terraform

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/schemas"
)

// usedDataSources are the data source types main.tf can declare.
var usedDataSources = func() []string {
	var names []string
	for _, d := range []dataSource{availabilityZonesSource, regionSource, callerIdentitySource, partitionSource} {
		names = append(names, d.typeName)
	}
	return names
}()

// loadSchema returns the hashicorp/aws schema embedded in package schemas,
// the one copy every check in the repository reads, so these tests and
// `scaffold validate` cannot disagree about what the provider accepts.
func loadSchema(t *testing.T) *schemas.TerraformSchema {
	t.Helper()
	schema, err := schemas.Terraform()
	if err != nil {
		t.Fatalf("loading the hashicorp/aws schema: %v", err)
	}
	return schema
}

// settable reports whether configuration may set the attribute, as opposed
// to reading a value only the provider computes.
func settable(a *schemas.Attribute) bool { return a.Required || a.Optional }

// TestMappingCoversEveryKind expects a mapping for each kind the graph
// package lists, in its order: adding a kind without teaching this generator
// fails here rather than in a user's terminal.
func TestMappingCoversEveryKind(t *testing.T) {
	kinds := graph.AllKinds()
	var mapped []graph.Kind
	for _, m := range Mapping() {
		mapped = append(mapped, m.Kind)
	}
	for _, kind := range kinds {
		if !slices.Contains(mapped, kind) {
			t.Errorf("kind %q has no Terraform mapping", kind)
		}
	}
	for _, kind := range mapped {
		if !slices.Contains(kinds, kind) {
			t.Errorf("mapping for %q, which graph.AllKinds does not list", kind)
		}
	}
	if !slices.Equal(mapped, kinds) {
		t.Errorf("mapping order %q, want graph.AllKinds' order %q", mapped, kinds)
	}
}

// TestMappingMatchesSchema holds the table against the provider schema:
// types exist, the Tags column is right, every property and implied argument
// is one configuration may set, every attribute a Ref may read exists, and
// every required argument is among the kind's properties.
func TestMappingMatchesSchema(t *testing.T) {
	schema := loadSchema(t)
	for _, m := range Mapping() {
		t.Run(string(m.Kind), func(t *testing.T) {
			block, ok := schema.Resource(m.Type)
			if !ok {
				t.Fatalf("resource type %s is not in the hashicorp/aws %s schema", m.Type, schemas.TerraformProviderVersion)
			}
			attributes := block.Attributes
			if _, hasTags := attributes["tags"]; hasTags != m.Tags {
				t.Errorf("Tags = %v, but the schema says %v", m.Tags, hasTags)
			}
			arguments := map[string]bool{}
			for _, p := range m.Properties {
				arguments[m.Argument(p)] = true
			}
			for _, p := range m.Implied {
				arguments[p.Name] = true
			}
			for argument := range arguments {
				_, isBlock := block.BlockTypes[argument]
				if a, ok := attributes[argument]; !isBlock && (!ok || !settable(a)) {
					t.Errorf("argument %q is not settable on %s", argument, m.Type)
				}
			}
			for name, a := range attributes {
				if a.Required && !arguments[name] {
					t.Errorf("%s requires %q, which the kind cannot set", m.Type, name)
				}
			}
			for _, a := range m.Attributes {
				if !hasAttributePath(attributes, a.Attribute) {
					t.Errorf("attribute %q (for %s) is not in the %s schema", a.Attribute, a.Attr, m.Type)
				}
			}
			for _, r := range m.Renames {
				if !slices.Contains(m.Properties, r.Property) {
					t.Errorf("rename of %q, which is not one of the kind's properties", r.Property)
				}
			}
			for _, path := range m.Blocks {
				if _, ok := nestedBlock(block, path); !ok {
					t.Errorf("Blocks lists %q, which is not a nested block of %s", path, m.Type)
				}
				segments := strings.Split(path, ".")
				if !arguments[segments[0]] {
					t.Errorf("Blocks lists %q, but %q is not one of the kind's arguments", path, segments[0])
				}
				for i := 1; i < len(segments); i++ {
					if parent := strings.Join(segments[:i], "."); !m.IsBlock(parent) {
						t.Errorf("Blocks lists %q but not its parent %q", path, parent)
					}
				}
			}
		})
	}
	for _, name := range usedDataSources {
		if _, ok := schema.DataSource(name); !ok {
			t.Errorf("data source %s is not in the schema", name)
		}
	}
	for _, p := range pseudoValues {
		source, ok := schema.DataSource(p.source.typeName)
		if !ok {
			t.Errorf("pseudo value %q reads data source %s, which the schema lacks", p.value, p.source.typeName)
			continue
		}
		if _, ok := source.Attributes[p.attribute]; !ok {
			t.Errorf("pseudo value %q reads %s.%s, which the schema lacks", p.value, p.source.typeName, p.attribute)
		}
	}
}

// hasAttributePath reports whether a dotted attribute path, as an
// AttributeMapping writes it, leads somewhere in the schema: its first part
// is an attribute, each number indexes a list and each name is an attribute
// of the object reached so far.
func hasAttributePath(attributes map[string]*schemas.Attribute, path string) bool {
	parts := strings.Split(path, ".")
	a, ok := attributes[parts[0]]
	if !ok {
		return false
	}
	ty := a.Type
	for _, part := range parts[1:] {
		if _, err := strconv.Atoi(part); err == nil {
			if !ty.IsListType() {
				return false
			}
			ty = ty.ElementType()
			continue
		}
		if !ty.IsObjectType() || !ty.HasAttribute(part) {
			return false
		}
		ty = ty.AttributeType(part)
	}
	return true
}

// nestedBlock follows a dotted path of nested block types down from a
// resource's schema.
func nestedBlock(block *schemas.Block, path string) (*schemas.Block, bool) {
	for _, name := range strings.Split(path, ".") {
		nested, ok := block.BlockTypes[name]
		if !ok {
			return nil, false
		}
		block = &nested.Block
	}
	return block, true
}

// TestStructsMatchSchema walks every Struct in the golden graphs with the
// provider schema alongside: a Struct (or List of Structs) must sit where
// the schema has a nested block exactly when the mapping's Blocks says so,
// and each of its keys must be an argument or block the schema allows
// there. Where the schema has an object attribute instead, the keys must be
// its attribute names. TestGeneratedCodeMatchesSchema checks the rendered
// blocks too; this test names the model path that went wrong.
func TestStructsMatchSchema(t *testing.T) {
	schema := loadSchema(t)
	for _, tt := range goldenCases {
		g := tt.graph()
		for _, c := range g.Components {
			m, ok := MappingFor(c.Kind)
			if !ok {
				t.Fatalf("%s: kind %q has no mapping", tt.name, c.Kind)
			}
			resource, ok := schema.Resource(m.Type)
			if !ok {
				t.Fatalf("%s: %s is not in the schema", tt.name, m.Type)
			}
			for _, p := range c.Properties {
				where := fmt.Sprintf("%s: component %q", tt.name, c.ID)
				checkStructs(t, where, &m, resource, m.Argument(p.Name), p.Value)
			}
		}
	}
}

// checkStructs checks the value of the argument at path, whose last
// segment names it inside parent, and recurses into its Structs.
func checkStructs(t *testing.T, where string, m *TypeMapping, parent *schemas.Block, path string, v graph.Value) {
	t.Helper()
	var structs []graph.Struct
	switch v := v.(type) {
	case graph.Struct:
		structs = []graph.Struct{v}
	case graph.List:
		for _, item := range v {
			if s, ok := item.(graph.Struct); ok {
				structs = append(structs, s)
			}
		}
	}
	if len(structs) == 0 {
		return
	}
	name := path[strings.LastIndex(path, ".")+1:]
	nested, isBlock := parent.BlockTypes[name]
	if isBlock != m.IsBlock(path) {
		t.Errorf("%s: %s is a block in the schema: %v; in the mapping's Blocks: %v", where, path, isBlock, m.IsBlock(path))
		return
	}
	for _, s := range structs {
		for _, field := range s {
			if !isBlock {
				attribute, ok := parent.Attributes[name]
				if !ok || !objectHasAttribute(attribute.Type, field.Key) {
					t.Errorf("%s: %s.%s is not an attribute of the object %s takes", where, path, field.Key, name)
				}
				continue
			}
			_, isAttribute := nested.Block.Attributes[field.Key]
			_, isNestedBlock := nested.Block.BlockTypes[field.Key]
			if a := nested.Block.Attributes[field.Key]; isAttribute && !settable(a) || !isAttribute && !isNestedBlock {
				t.Errorf("%s: %s.%s is not an argument or block of %s", where, path, field.Key, m.Type)
				continue
			}
			checkStructs(t, where, m, &nested.Block, path+"."+field.Key, field.Value)
		}
	}
}

// objectHasAttribute reports whether an object type, or a collection of
// objects, has the named attribute.
func objectHasAttribute(ty cty.Type, name string) bool {
	if ty.IsCollectionType() {
		ty = ty.ElementType()
	}
	return ty.IsObjectType() && ty.HasAttribute(name)
}

// TestGeneratedCodeMatchesSchema checks what terraform validate would
// against the schema, without Terraform: each resource and data block of
// the golden graphs has known, settable arguments and nested blocks and all
// required ones.
func TestGeneratedCodeMatchesSchema(t *testing.T) {
	schema := loadSchema(t)
	metaArguments := map[string]bool{"depends_on": true, "count": true, "for_each": true, "provider": true}
	for _, tt := range goldenCases {
		files, err := New().Generate(tt.graph())
		if err != nil {
			t.Fatalf("%s: Generate: %v", tt.name, err)
		}
		for _, f := range files {
			parsed, diags := hclsyntax.ParseConfig(f.Content, f.Path, hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("%s: %v", f.Path, diags)
			}
			for _, block := range parsed.Body.(*hclsyntax.Body).Blocks {
				var lookup func(typeName string) (*schemas.Block, bool)
				switch block.Type {
				case "resource":
					lookup = schema.Resource
				case "data":
					lookup = schema.DataSource
				default:
					continue
				}
				where := tt.name + ": " + block.Type + "." + strings.Join(block.Labels, ".")
				body, ok := lookup(block.Labels[0])
				if !ok {
					t.Errorf("%s: type is not in the schema", where)
					continue
				}
				checkBody(t, where, block.Body, body, metaArguments)
			}
		}
	}
}

func checkBody(t *testing.T, where string, body *hclsyntax.Body, schema *schemas.Block, meta map[string]bool) {
	t.Helper()
	for name := range body.Attributes {
		if a, ok := schema.Attributes[name]; !meta[name] && (!ok || !settable(a)) {
			t.Errorf("%s: argument %q is not settable", where, name)
		}
	}
	for name, a := range schema.Attributes {
		if _, set := body.Attributes[name]; a.Required && !set {
			t.Errorf("%s: required argument %q is missing", where, name)
		}
	}
	for _, nested := range body.Blocks {
		// lifecycle is a meta-argument block of every resource; its
		// ignore_changes names must be arguments of the resource.
		if nested.Type == "lifecycle" && meta != nil {
			for name := range nested.Body.Attributes {
				if name != "ignore_changes" {
					t.Errorf("%s: unexpected lifecycle argument %q", where, name)
				}
			}
			if attr, ok := nested.Body.Attributes["ignore_changes"]; ok {
				for _, traversal := range attr.Expr.Variables() {
					if _, ok := schema.Attributes[traversal.RootName()]; !ok {
						t.Errorf("%s: ignore_changes names unknown argument %q", where, traversal.RootName())
					}
				}
			}
			continue
		}
		blockSchema, ok := schema.BlockTypes[nested.Type]
		if !ok {
			t.Errorf("%s: unknown nested block %q", where, nested.Type)
			continue
		}
		checkBody(t, where+"."+nested.Type, nested.Body, &blockSchema.Block, nil)
	}
}

// TestMappingReturnsCopies protects the table from callers: the compare
// command may sort or annotate what it gets.
func TestMappingReturnsCopies(t *testing.T) {
	first := Mapping()
	first[0].Type = "changed"
	first[0].Properties[0] = "changed"
	first[0].Attributes[0].Attribute = "changed"
	second := Mapping()
	if second[0].Type == "changed" || second[0].Properties[0] == "changed" || second[0].Attributes[0].Attribute == "changed" {
		t.Fatal("changing Mapping's result changed the generator's table")
	}

	m, ok := MappingFor(graph.KindVPCGatewayEndpoint)
	if !ok || m.Type != "aws_vpc_endpoint" {
		t.Fatalf("MappingFor(vpc_gateway_endpoint) = %+v, %v", m, ok)
	}
	m.Implied[0].Name = "changed"
	if again, _ := MappingFor(graph.KindVPCGatewayEndpoint); again.Implied[0].Name != "vpc_endpoint_type" {
		t.Fatal("changing MappingFor's result changed the generator's table")
	}
	db, _ := MappingFor(graph.KindDBInstance)
	db.FinalSnapshot.Suffix = "-changed"
	if again, _ := MappingFor(graph.KindDBInstance); again.FinalSnapshot.Suffix != "-final" {
		t.Fatal("changing MappingFor's final snapshot changed the generator's table")
	}
	if _, ok := MappingFor("message_queue"); ok {
		t.Error("MappingFor of an unknown kind reported a mapping")
	}
}

func TestTypeMappingLookups(t *testing.T) {
	m := TypeMapping{
		Renames:    []Rename{{Property: "cidr", Argument: "cidr_block"}},
		Attributes: []AttributeMapping{{Attr: graph.AttrID, Attribute: "allocation_id"}},
	}
	if got := m.Argument("cidr"); got != "cidr_block" {
		t.Errorf("Argument(cidr) = %q, want cidr_block", got)
	}
	if got := m.Argument("vpc_id"); got != "vpc_id" {
		t.Errorf("Argument(vpc_id) = %q, want it unchanged", got)
	}
	if got, ok := m.Attribute(graph.AttrID); !ok || got != "allocation_id" {
		t.Errorf("Attribute(id) = %q, %v", got, ok)
	}
	if _, ok := m.Attribute(graph.AttrARN); ok {
		t.Error("Attribute(arn) found an attribute the mapping does not list")
	}
}
