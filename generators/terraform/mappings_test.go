package terraform

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

var schemaSource = flag.String("schema", "",
	"with -update, the full hashicorp/aws schema (terraform providers schema -json, optionally gzipped) to cut "+schemaSubsetPath+" from")

// schemaSubsetPath holds the parts of the provider schema this package
// uses, so the schema tests run on a fresh clone without the 200 kB file.
const schemaSubsetPath = "testdata/aws-provider-schema-subset.json"

const awsProviderAddress = "registry.terraform.io/hashicorp/aws"

// usedDataSources are the data source types main.tf can declare.
var usedDataSources = func() []string {
	var names []string
	for _, d := range []dataSource{availabilityZonesSource, regionSource, callerIdentitySource, partitionSource} {
		names = append(names, d.typeName)
	}
	return names
}()

// providerSchemas is the `terraform providers schema -json` layout, with
// each type kept raw so that the subset is a faithful excerpt.
type providerSchemas struct {
	FormatVersion   string `json:"format_version"`
	ProviderSchemas map[string]struct {
		ResourceSchemas   map[string]json.RawMessage `json:"resource_schemas"`
		DataSourceSchemas map[string]json.RawMessage `json:"data_source_schemas"`
	} `json:"provider_schemas"`
}

type schemaType struct {
	Block schemaBlock `json:"block"`
}

type schemaBlock struct {
	Attributes map[string]schemaAttribute `json:"attributes"`
	BlockTypes map[string]struct {
		Block schemaBlock `json:"block"`
	} `json:"block_types"`
}

type schemaAttribute struct {
	Required bool `json:"required"`
	Optional bool `json:"optional"`
	Computed bool `json:"computed"`
}

// settable reports whether configuration may set the attribute, as opposed
// to reading a value only the provider computes.
func (a schemaAttribute) settable() bool { return a.Required || a.Optional }

// loadSchema reads the subset, cutting it from the full schema first when
// run with -update -schema=PATH.
func loadSchema(t *testing.T) (resources, dataSources map[string]schemaType) {
	t.Helper()
	if *update && *schemaSource != "" {
		writeSchemaSubset(t, *schemaSource)
	}
	content, err := os.ReadFile(schemaSubsetPath)
	if err != nil {
		t.Fatalf("%v (regenerate with go test -run Schema -update -schema=PATH/aws-provider-schema.json.gz)", err)
	}
	var file providerSchemas
	if err := json.Unmarshal(content, &file); err != nil {
		t.Fatalf("%s: %v", schemaSubsetPath, err)
	}
	provider := file.ProviderSchemas[awsProviderAddress]
	decode := func(raw map[string]json.RawMessage) map[string]schemaType {
		out := make(map[string]schemaType, len(raw))
		for name, message := range raw {
			var s schemaType
			if err := json.Unmarshal(message, &s); err != nil {
				t.Fatalf("%s: %s: %v", schemaSubsetPath, name, err)
			}
			out[name] = s
		}
		return out
	}
	return decode(provider.ResourceSchemas), decode(provider.DataSourceSchemas)
}

func writeSchemaSubset(t *testing.T, source string) {
	t.Helper()
	f, err := os.Open(source)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var reader io.Reader = f
	if strings.HasSuffix(source, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", source, err)
		}
		reader = gz
	}
	var full providerSchemas
	if err := json.NewDecoder(reader).Decode(&full); err != nil {
		t.Fatalf("%s: %v", source, err)
	}
	provider, ok := full.ProviderSchemas[awsProviderAddress]
	if !ok {
		t.Fatalf("%s has no %s provider", source, awsProviderAddress)
	}
	subset := providerSchemas{FormatVersion: full.FormatVersion}
	subset.ProviderSchemas = map[string]struct {
		ResourceSchemas   map[string]json.RawMessage `json:"resource_schemas"`
		DataSourceSchemas map[string]json.RawMessage `json:"data_source_schemas"`
	}{awsProviderAddress: {ResourceSchemas: map[string]json.RawMessage{}, DataSourceSchemas: map[string]json.RawMessage{}}}
	cut := subset.ProviderSchemas[awsProviderAddress]
	for _, m := range Mapping() {
		raw, ok := provider.ResourceSchemas[m.Type]
		if !ok {
			t.Fatalf("%s has no resource type %s", source, m.Type)
		}
		cut.ResourceSchemas[m.Type] = raw
	}
	for _, name := range usedDataSources {
		raw, ok := provider.DataSourceSchemas[name]
		if !ok {
			t.Fatalf("%s has no data source %s", source, name)
		}
		cut.DataSourceSchemas[name] = raw
	}
	// MarshalIndent re-indents the raw excerpts and sorts map keys, so the
	// file is stable and reviewable.
	content, err := json.MarshalIndent(subset, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(schemaSubsetPath, append(content, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMappingCoversEveryKind reads the Kind constants from the graph
// package's source, since the package exports no list of them, and expects
// a mapping for each: adding a kind without teaching this generator fails
// here rather than in a user's terminal.
func TestMappingCoversEveryKind(t *testing.T) {
	kinds := declaredKinds(t)
	if len(kinds) == 0 {
		t.Fatal("found no Kind constants in ../graph; has the model moved?")
	}
	var mapped []string
	for _, m := range Mapping() {
		mapped = append(mapped, string(m.Kind))
	}
	for _, kind := range kinds {
		if !slices.Contains(mapped, kind) {
			t.Errorf("kind %q has no Terraform mapping", kind)
		}
	}
	for _, kind := range mapped {
		if !slices.Contains(kinds, kind) {
			t.Errorf("mapping for %q, which the graph package does not declare", kind)
		}
	}
	if !slices.Equal(mapped, kinds) {
		t.Errorf("mapping order %q, want the graph package's declaration order %q", mapped, kinds)
	}
}

// declaredKinds returns the values of the graph package's Kind constants in
// declaration order.
func declaredKinds(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join("..", "graph", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var kinds []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				value := spec.(*ast.ValueSpec)
				if ident, ok := value.Type.(*ast.Ident); !ok || ident.Name != "Kind" {
					continue
				}
				for _, v := range value.Values {
					literal, ok := v.(*ast.BasicLit)
					if !ok || literal.Kind != token.STRING {
						t.Fatalf("%s: a Kind constant that is not a string literal", fset.Position(v.Pos()))
					}
					kind, err := strconv.Unquote(literal.Value)
					if err != nil {
						t.Fatal(err)
					}
					kinds = append(kinds, kind)
				}
			}
		}
	}
	return kinds
}

// TestMappingMatchesSchema holds the table against the provider schema:
// types exist, the Tags column is right, every property and implied argument
// is one configuration may set, every attribute a Ref may read exists, and
// every required argument is among the kind's properties.
func TestMappingMatchesSchema(t *testing.T) {
	resources, dataSources := loadSchema(t)
	for _, m := range Mapping() {
		t.Run(string(m.Kind), func(t *testing.T) {
			schema, ok := resources[m.Type]
			if !ok {
				t.Fatalf("resource type %s is not in %s; regenerate it with -update -schema", m.Type, schemaSubsetPath)
			}
			attributes := schema.Block.Attributes
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
				_, isBlock := schema.Block.BlockTypes[argument]
				if a, ok := attributes[argument]; !isBlock && (!ok || !a.settable()) {
					t.Errorf("argument %q is not settable on %s", argument, m.Type)
				}
			}
			for name, a := range attributes {
				if a.Required && !arguments[name] {
					t.Errorf("%s requires %q, which the kind cannot set", m.Type, name)
				}
			}
			for _, a := range m.Attributes {
				if _, ok := attributes[a.Attribute]; !ok {
					t.Errorf("attribute %q (for %s) is not in the %s schema", a.Attribute, a.Attr, m.Type)
				}
			}
			for _, r := range m.Renames {
				if !slices.Contains(m.Properties, r.Property) {
					t.Errorf("rename of %q, which is not one of the kind's properties", r.Property)
				}
			}
		})
	}
	for _, name := range usedDataSources {
		if _, ok := dataSources[name]; !ok {
			t.Errorf("data source %s is not in %s", name, schemaSubsetPath)
		}
	}
	for _, p := range pseudoValues {
		if _, ok := dataSources[p.source.typeName].Block.Attributes[p.attribute]; !ok {
			t.Errorf("pseudo value %q reads %s.%s, which the schema lacks", p.value, p.source.typeName, p.attribute)
		}
	}
}

// TestGeneratedCodeMatchesSchema checks what terraform validate would
// against the schema, without Terraform: each resource and data block of
// the golden graphs has known, settable arguments and nested blocks and all
// required ones.
func TestGeneratedCodeMatchesSchema(t *testing.T) {
	resources, dataSources := loadSchema(t)
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
				var schemas map[string]schemaType
				switch block.Type {
				case "resource":
					schemas = resources
				case "data":
					schemas = dataSources
				default:
					continue
				}
				where := tt.name + ": " + block.Type + "." + strings.Join(block.Labels, ".")
				schema, ok := schemas[block.Labels[0]]
				if !ok {
					t.Errorf("%s: type is not in the schema", where)
					continue
				}
				checkBody(t, where, block.Body, schema.Block, metaArguments)
			}
		}
	}
}

func checkBody(t *testing.T, where string, body *hclsyntax.Body, schema schemaBlock, meta map[string]bool) {
	t.Helper()
	for name := range body.Attributes {
		if a, ok := schema.Attributes[name]; !meta[name] && (!ok || !a.settable()) {
			t.Errorf("%s: argument %q is not settable", where, name)
		}
	}
	for name, a := range schema.Attributes {
		if _, set := body.Attributes[name]; a.Required && !set {
			t.Errorf("%s: required argument %q is missing", where, name)
		}
	}
	for _, nested := range body.Blocks {
		blockSchema, ok := schema.BlockTypes[nested.Type]
		if !ok {
			t.Errorf("%s: unknown nested block %q", where, nested.Type)
			continue
		}
		checkBody(t, where+"."+nested.Type, nested.Body, blockSchema.Block, nil)
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
	if _, ok := MappingFor("sqs_queue"); ok {
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
