package cloudformation_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/schemas"
)

// loadSpec returns the CloudFormation resource specification embedded in
// package schemas, the one copy every check in the repository reads, so
// these tests and the validate package cannot disagree about what
// CloudFormation accepts.
func loadSpec(t *testing.T) *schemas.CFNSpec {
	t.Helper()
	s, err := schemas.CloudFormation()
	if err != nil {
		t.Fatalf("loading the CloudFormation resource specification: %v", err)
	}
	return s
}

// TestMappingCoversEveryKind demands a mapping for every kind the graph
// package declares, in its order, so a new kind cannot be forgotten.
func TestMappingCoversEveryKind(t *testing.T) {
	allKinds := graph.AllKinds()
	table := cloudformation.Mapping()
	if len(table) != len(allKinds) {
		t.Errorf("mapping has %d kinds, graph declares %d", len(table), len(allKinds))
	}
	for i, kind := range allKinds {
		m, ok := cloudformation.MappingFor(kind)
		if !ok {
			t.Errorf("kind %q has no mapping", kind)
			continue
		}
		if i < len(table) && table[i].Kind != kind {
			t.Errorf("mapping %d is %q, want %q (graph order)", i, table[i].Kind, kind)
		}
		if (m.Unsupported == "") == (len(m.Resources) == 0) {
			t.Errorf("kind %q: a mapping has resources or says why not, never both", kind)
		}
	}
	if _, ok := cloudformation.MappingFor("no_such_kind"); ok {
		t.Errorf("MappingFor of an unknown kind succeeded")
	}
}

func TestMappingIsACopy(t *testing.T) {
	table := cloudformation.Mapping()
	table[0].Resources[0].Properties[0].Property = "Changed"
	table[3].Attributes[1].ARN.Service = "changed"
	policy := slices.IndexFunc(table, func(m cloudformation.TypeMapping) bool { return m.Kind == graph.KindIAMRolePolicy })
	alarm := slices.IndexFunc(table, func(m cloudformation.TypeMapping) bool { return m.Kind == graph.KindMetricAlarm })
	table[policy].Resources[0].ListProperties[0] = "Changed"
	table[alarm].Resources[0].NameValueProperties[0] = "Changed"
	again := cloudformation.Mapping()
	if again[0].Resources[0].Properties[0].Property == "Changed" || again[3].Attributes[1].ARN.Service == "changed" ||
		again[policy].Resources[0].ListProperties[0] == "Changed" || again[alarm].Resources[0].NameValueProperties[0] == "Changed" {
		t.Errorf("Mapping returned the table itself, not a copy")
	}
}

// TestMappingAgainstSpec holds every name in the table against the
// resource specification: types, properties, GetAtt attributes, the Tags
// column, and that each required property has a source.
func TestMappingAgainstSpec(t *testing.T) {
	s := loadSpec(t)
	for _, m := range cloudformation.Mapping() {
		for _, r := range m.Resources {
			typ, ok := s.ResourceType(r.Type)
			if !ok {
				t.Errorf("%s: type %s is not in the spec", m.Kind, r.Type)
				continue
			}
			covered := map[string]bool{}
			check := func(property string) {
				if _, ok := typ.Properties[property]; !ok {
					t.Errorf("%s: %s has no property %s", m.Kind, r.Type, property)
				}
				covered[property] = true
			}
			for _, p := range r.Properties {
				check(p.Property)
			}
			for _, p := range r.Implied {
				check(p.Property)
			}
			if r.PrimaryRef != "" {
				check(r.PrimaryRef)
			}
			// A property rewritten into a list must be a list, and one
			// rewritten into Name/Value pairs a list of exactly that shape.
			reshaped := func(property, how string) (*schemas.Property, bool) {
				mapped := slices.ContainsFunc(r.Properties, func(p cloudformation.PropertyMapping) bool { return p.Property == property })
				spec, ok := typ.Properties[property]
				switch {
				case !mapped:
					t.Errorf("%s: %s property %s is not mapped from the model", m.Kind, how, property)
				case !ok:
					// Reported by check.
				case spec.Type != schemas.TypeList:
					t.Errorf("%s: %s property %s.%s is not a list in the spec", m.Kind, how, r.Type, property)
				default:
					return spec, true
				}
				return nil, false
			}
			for _, property := range r.ListProperties {
				reshaped(property, "list")
			}
			for _, property := range r.NameValueProperties {
				spec, ok := reshaped(property, "name/value")
				if !ok {
					continue
				}
				item, name, ok := s.ResolvePropertyType(r.Type, spec.ItemType)
				if !ok {
					t.Errorf("%s: items of %s.%s are not a property type", m.Kind, r.Type, property)
					continue
				}
				var fields []string
				for field := range item.Properties {
					fields = append(fields, field)
				}
				sort.Strings(fields)
				if got := strings.Join(fields, ","); got != "Name,Value" {
					t.Errorf("%s: %s has fields %s, want Name,Value", m.Kind, name, got)
				}
			}
			for name, p := range typ.Properties {
				if p.Required && !covered[name] {
					t.Errorf("%s: required property %s.%s has no source", m.Kind, r.Type, name)
				}
			}
			if _, hasTags := typ.Properties["Tags"]; hasTags != r.Tags {
				t.Errorf("%s: %s Tags = %v, spec says %v", m.Kind, r.Type, r.Tags, hasTags)
			}
		}
		for _, a := range m.Attributes {
			if a.GetAtt == "" {
				continue
			}
			typ, ok := s.ResourceType(m.Resources[0].Type)
			if !ok {
				continue // reported above
			}
			if _, ok := typ.Attributes[a.GetAtt]; !ok {
				t.Errorf("%s: %s has no attribute %s", m.Kind, m.Resources[0].Type, a.GetAtt)
			}
		}
	}
}

func TestRenamed(t *testing.T) {
	tests := []struct {
		mapping cloudformation.PropertyMapping
		want    bool
	}{
		{cloudformation.PropertyMapping{Name: "cidr_block", Property: "CidrBlock"}, false},
		{cloudformation.PropertyMapping{Name: "vpc_id", Property: "ResourceId"}, true},
		{cloudformation.PropertyMapping{Name: "name", Property: "LogGroupName"}, true},
	}
	for _, tt := range tests {
		if got := tt.mapping.Renamed(); got != tt.want {
			t.Errorf("%+v.Renamed() = %v, want %v", tt.mapping, got, tt.want)
		}
	}
}

// TestTemplatesAgainstSpec validates the rendered templates the way
// `scaffold validate` will: every type and property exists, required
// properties are set, and every Ref, GetAtt, Sub variable and DependsOn
// names something that exists.
func TestTemplatesAgainstSpec(t *testing.T) {
	s := loadSpec(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			for _, problem := range validate(parse(t, generate(t, tt.graph())), s) {
				t.Error(problem)
			}
		})
	}
}

var subVariable = regexp.MustCompile(`\$\{([^!}][^}]*)\}`)

func validate(doc map[string]any, s *schemas.CFNSpec) []string {
	var problems []string
	params, _ := doc["Parameters"].(map[string]any)
	resources, _ := doc["Resources"].(map[string]any)
	typeOf := map[string]*schemas.ResourceType{}
	for id, r := range resources {
		typ, ok := s.ResourceType(r.(map[string]any)["Type"].(string))
		if !ok {
			// The unknown type is reported below; an empty one makes every
			// GetAtt of the resource fail too.
			typ = &schemas.ResourceType{}
		}
		typeOf[id] = typ
	}
	checkRef := func(where, name string) {
		_, isParam := params[name]
		_, isResource := resources[name]
		if !isParam && !isResource && !strings.HasPrefix(name, "AWS::") {
			problems = append(problems, fmt.Sprintf("%s: Ref to unknown %q", where, name))
		}
	}
	checkGetAtt := func(where, target string) {
		id, attr, _ := strings.Cut(target, ".")
		typ, ok := typeOf[id]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: GetAtt of unknown resource %q", where, id))
			return
		}
		if _, ok := typ.Attributes[attr]; !ok {
			problems = append(problems, fmt.Sprintf("%s: GetAtt of unknown attribute %q", where, target))
		}
	}
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch v := v.(type) {
		case tagged:
			switch v.tag {
			case "!Ref":
				checkRef(where, v.value)
			case "!GetAtt":
				checkGetAtt(where, v.value)
			case "!Sub":
				for _, match := range subVariable.FindAllStringSubmatch(v.value, -1) {
					if strings.Contains(match[1], ".") {
						checkGetAtt(where, match[1])
					} else {
						checkRef(where, match[1])
					}
				}
			}
			walk(where, v.args)
		case map[string]any:
			for k, item := range v {
				walk(where+"."+k, item)
			}
		case []any:
			for _, item := range v {
				walk(where, item)
			}
		}
	}
	for id, r := range resources {
		r := r.(map[string]any)
		typeName := r["Type"].(string)
		typ, ok := s.ResourceType(typeName)
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: unknown type %s", id, typeName))
			continue
		}
		properties, _ := r["Properties"].(map[string]any)
		for name := range properties {
			if _, ok := typ.Properties[name]; !ok {
				problems = append(problems, fmt.Sprintf("%s: %s has no property %s", id, typeName, name))
			}
		}
		for name, p := range typ.Properties {
			if _, ok := properties[name]; p.Required && !ok {
				problems = append(problems, fmt.Sprintf("%s: required property %s is missing", id, name))
			}
		}
		walk(id, properties)
		var dependsOn []any
		switch d := r["DependsOn"].(type) {
		case string:
			dependsOn = []any{d}
		case []any:
			dependsOn = d
		}
		for _, d := range dependsOn {
			if _, ok := resources[d.(string)]; !ok {
				problems = append(problems, fmt.Sprintf("%s: DependsOn unknown %v", id, d))
			}
		}
	}
	outputs, _ := doc["Outputs"].(map[string]any)
	walk("Outputs", outputs)
	sort.Strings(problems)
	return slices.Compact(problems)
}

// tagged is a short-form function read back from the output: its tag, its
// scalar argument (for !Ref, !GetAtt, !Sub) and its parsed argument.
type tagged struct {
	tag   string
	value string
	args  any
}

// parse reads a template into maps, slices, scalars and tagged values.
func parse(t *testing.T, content []byte) map[string]any {
	t.Helper()
	file, err := parser.ParseBytes(content, 0)
	if err != nil {
		t.Fatalf("output is not valid YAML: %v", err)
	}
	doc, ok := toValue(t, file.Docs[0].Body).(map[string]any)
	if !ok {
		t.Fatalf("the template is not a mapping")
	}
	return doc
}

func toValue(t *testing.T, n ast.Node) any {
	t.Helper()
	switch n := n.(type) {
	case *ast.MappingNode:
		out := map[string]any{}
		for _, item := range n.Values {
			out[item.Key.GetToken().Value] = toValue(t, item.Value)
		}
		return out
	case *ast.MappingValueNode:
		return map[string]any{n.Key.GetToken().Value: toValue(t, n.Value)}
	case *ast.SequenceNode:
		out := make([]any, len(n.Values))
		for i, item := range n.Values {
			out[i] = toValue(t, item)
		}
		return out
	case *ast.TagNode:
		args := toValue(t, n.Value)
		value, _ := args.(string)
		return tagged{tag: n.Start.Value, value: value, args: args}
	case *ast.StringNode:
		return n.Value
	case *ast.LiteralNode:
		return n.Value.Value
	case *ast.IntegerNode:
		return n.Value
	case *ast.BoolNode:
		return n.Value
	case *ast.NullNode:
		return nil
	default:
		t.Fatalf("unexpected node %T in output", n)
		return nil
	}
}
