package cloudformation_test

import (
	"fmt"
	"reflect"
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
		ways := 0
		for _, way := range []bool{len(m.Resources) > 0, m.MergeInto != nil, m.Unsupported != ""} {
			if way {
				ways++
			}
		}
		if ways != 1 {
			t.Errorf("kind %q: a mapping has resources, merges into another kind or says why not, exactly one of them", kind)
		}
	}
	if _, ok := cloudformation.MappingFor("no_such_kind"); ok {
		t.Errorf("MappingFor of an unknown kind succeeded")
	}
}

// TestMappingIsACopy changes every part of a returned table that is a
// slice, a pointer or a model value, one at a time, and demands that the
// next table does not see the change.
func TestMappingIsACopy(t *testing.T) {
	index := func(table []cloudformation.TypeMapping, kind graph.Kind) *cloudformation.TypeMapping {
		return &table[slices.IndexFunc(table, func(m cloudformation.TypeMapping) bool { return m.Kind == kind })]
	}
	changes := map[string]func([]cloudformation.TypeMapping){
		"properties": func(table []cloudformation.TypeMapping) { table[0].Resources[0].Properties[0].Property = "Changed" },
		"arn format": func(table []cloudformation.TypeMapping) { table[3].Attributes[1].ARN.Service = "changed" },
		"remedy": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindDefaultSecurityGroup).Remedy[0] = "Changed"
		},
		"list properties": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindIAMRolePolicy).Resources[0].ListProperties[0] = "Changed"
		},
		"name/value properties": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindMetricAlarm).Resources[0].NameValueProperties[0] = "Changed"
		},
		"key/value properties": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindLaunchTemplate).Resources[0].KeyValueProperties[0] = "Changed"
		},
		"omit": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindLaunchTemplate).Omit[0].Reason = "Changed"
		},
		"value maps": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindLoadBalancer).Resources[0].ValueMaps[0].Values[0].Value = "Changed"
		},
		"attribute keys": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindLoadBalancer).Resources[0].AttributeKeys[0].Key = "Changed"
		},
		"merge": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindIAMRolePolicyAttachment).MergeInto.Properties[0].Property = "Changed"
		},
		"merge list properties": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindS3BucketOwnershipControls).MergeInto.ListProperties[0] = "Changed"
		},
		"item keys": func(table []cloudformation.TypeMapping) {
			index(table, graph.KindCodePipeline).Resources[0].ItemKeys[0].Key = "Changed"
		},
		"implied value": func(table []cloudformation.TypeMapping) {
			rule := index(table, graph.KindSecurityGroup).Resources[0].Implied[0].Value.(graph.List)[0].(graph.Object)
			rule[0].Value = graph.String("Changed")
		},
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			before := cloudformation.Mapping()
			changed := cloudformation.Mapping()
			change(changed)
			if reflect.DeepEqual(before, changed) {
				t.Fatalf("the change did not take effect on the copy, or it reached the table itself")
			}
			if !reflect.DeepEqual(before, cloudformation.Mapping()) {
				t.Errorf("Mapping returned the table itself, not a copy")
			}
		})
	}
}

// specPath resolves a dotted CloudFormation property path inside a
// resource type. A path goes through mappings and through the items of
// lists of mappings, the way the generator nests values.
func specPath(s *schemas.CFNSpec, resourceType string, properties map[string]*schemas.Property, path string) (*schemas.Property, error) {
	parts := strings.Split(path, ".")
	var p *schemas.Property
	for i, part := range parts {
		if i > 0 {
			shape, ok := propertyShape(s, resourceType, p)
			if !ok {
				return nil, fmt.Errorf("%s is not a mapping or a list of mappings", strings.Join(parts[:i], "."))
			}
			properties = shape.Properties
		}
		var ok bool
		if p, ok = properties[part]; !ok {
			return nil, fmt.Errorf("no property %s", strings.Join(parts[:i+1], "."))
		}
	}
	return p, nil
}

// propertyShape is the property type of a mapping, or of the items of a
// list of mappings.
func propertyShape(s *schemas.CFNSpec, resourceType string, p *schemas.Property) (*schemas.PropertyType, bool) {
	name := p.Type
	if p.Type == schemas.TypeList {
		name = p.ItemType
	}
	if name == "" || name == schemas.TypeList || name == schemas.TypeMap {
		return nil, false
	}
	shape, _, ok := s.ResolvePropertyType(resourceType, name)
	return shape, ok
}

// fieldsOf lists a property type's fields, sorted and comma-separated.
func fieldsOf(shape *schemas.PropertyType) string {
	var fields []string
	for field := range shape.Properties {
		fields = append(fields, field)
	}
	sort.Strings(fields)
	return strings.Join(fields, ",")
}

// TestMappingAgainstSpec holds every name in the table against the
// resource specification: types, property paths down through nested
// property types, GetAtt attributes, the Tags column, the shape of every
// reshaped property, and that each required property has a source.
func TestMappingAgainstSpec(t *testing.T) {
	s := loadSpec(t)
	for _, m := range cloudformation.Mapping() {
		for _, r := range m.Resources {
			typ, ok := s.ResourceType(r.Type)
			if !ok {
				t.Errorf("%s: type %s is not in the spec", m.Kind, r.Type)
				continue
			}
			resolve := func(path string) *schemas.Property {
				p, err := specPath(s, r.Type, typ.Properties, path)
				if err != nil {
					t.Errorf("%s: %s: %v", m.Kind, r.Type, err)
				}
				return p
			}
			covered := map[string]bool{}
			mapped := func(path string) bool {
				// Some model value lands at the path, inside it, or holds
				// it (a Struct key that keeps its PascalCase name).
				return slices.ContainsFunc(r.Properties, func(p cloudformation.PropertyMapping) bool {
					return p.Property == path || strings.HasPrefix(p.Property, path+".") || strings.HasPrefix(path, p.Property+".")
				})
			}
			for _, p := range r.Properties {
				if root, _, nested := strings.Cut(p.Name, "."); nested && !slices.ContainsFunc(r.Properties, func(q cloudformation.PropertyMapping) bool { return q.Name == root }) {
					t.Errorf("%s: %s is mapped but its property %s is not", m.Kind, p.Name, root)
				}
				if p.Property == "" {
					// A flattened Struct: its keys must be mapped one by one.
					if !slices.ContainsFunc(r.Properties, func(q cloudformation.PropertyMapping) bool { return strings.HasPrefix(q.Name, p.Name+".") }) {
						t.Errorf("%s: %s is flattened but none of its keys is mapped", m.Kind, p.Name)
					}
					continue
				}
				resolve(p.Property)
				covered[strings.Split(p.Property, ".")[0]] = true
			}
			for _, p := range r.Implied {
				resolve(p.Property)
				covered[p.Property] = true
			}
			if r.PrimaryRef != "" {
				resolve(r.PrimaryRef)
				covered[r.PrimaryRef] = true
			}
			// A property reshaped into a list must be a list, one reshaped
			// into pairs a list of exactly that shape, and each must be
			// where some model property goes.
			list := func(property, how string) *schemas.Property {
				p := resolve(property)
				switch {
				case !mapped(property):
					t.Errorf("%s: %s property %s is not mapped from the model", m.Kind, how, property)
				case p == nil:
					// Reported by resolve.
				case p.Type != schemas.TypeList:
					t.Errorf("%s: %s property %s.%s is not a list in the spec", m.Kind, how, r.Type, property)
				default:
					return p
				}
				return nil
			}
			pairs := func(property, how, want string) {
				p := list(property, how)
				if p == nil {
					return
				}
				item, name, ok := s.ResolvePropertyType(r.Type, p.ItemType)
				if !ok {
					t.Errorf("%s: items of %s.%s are not a property type", m.Kind, r.Type, property)
					return
				}
				if got := fieldsOf(item); got != want {
					t.Errorf("%s: %s has fields %s, want %s", m.Kind, name, got, want)
				}
			}
			for _, property := range r.ListProperties {
				list(property, "list")
			}
			for _, property := range r.NameValueProperties {
				pairs(property, "name/value", "Name,Value")
			}
			for _, property := range r.KeyValueProperties {
				pairs(property, "key/value", "Key,Value")
			}
			for _, a := range r.AttributeKeys {
				i := slices.IndexFunc(r.Properties, func(p cloudformation.PropertyMapping) bool { return p.Name == a.Name })
				if i < 0 || a.Key == "" {
					t.Errorf("%s: attribute key %q of %s is not mapped", m.Kind, a.Key, a.Name)
					continue
				}
				pairs(r.Properties[i].Property, "attribute", "Key,Value")
			}
			for _, v := range r.ValueMaps {
				p := resolve(v.Property)
				if !mapped(v.Property) || len(v.Values) == 0 {
					t.Errorf("%s: value map of %s is not mapped from the model or is empty", m.Kind, v.Property)
				}
				for _, translation := range v.Values {
					if p != nil && len(p.AllowedValues) > 0 && !slices.Contains(p.AllowedValues, translation.Value) {
						t.Errorf("%s: %s does not allow %q", m.Kind, v.Property, translation.Value)
					}
				}
			}
			for name, p := range typ.Properties {
				if p.Required && !covered[name] {
					t.Errorf("%s: required property %s.%s has no source", m.Kind, r.Type, name)
				}
			}
			tagsProperty := "Tags"
			if r.TagsProperty != "" {
				// Another name for the tags must hold the same Key/Value
				// items, and only where the type has no Tags of its own.
				tagsProperty = r.TagsProperty
				if p := resolve(tagsProperty); p != nil {
					item, name, ok := s.ResolvePropertyType(r.Type, p.ItemType)
					if p.Type != schemas.TypeList || !ok || fieldsOf(item) != "Key,Value" {
						t.Errorf("%s: %s.%s is not a list of Key/Value pairs (%s)", m.Kind, r.Type, tagsProperty, name)
					}
				}
				if _, ok := typ.Properties["Tags"]; ok || !r.Tags {
					t.Errorf("%s: %s names its tags %s, but has Tags too or takes no tags", m.Kind, r.Type, r.TagsProperty)
				}
			}
			_, hasTags := typ.Properties[tagsProperty]
			if hasTags != (r.Tags || r.TagsOmitted != "") || r.Tags && r.TagsOmitted != "" {
				t.Errorf("%s: %s %s = %v (omitted: %q), spec says %v", m.Kind, r.Type, tagsProperty, r.Tags, r.TagsOmitted, hasTags)
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
		for _, o := range m.Omit {
			// A property omitted in some cases is mapped for the others;
			// one omitted always must not be.
			mapped := slices.ContainsFunc(m.Resources, func(r cloudformation.ResourceMapping) bool {
				return slices.ContainsFunc(r.Properties, func(p cloudformation.PropertyMapping) bool { return p.Name == o.Name })
			})
			if o.Reason == "" || mapped != (o.When != "") {
				t.Errorf("%s: omitted property %s is mapped (%v) but omitted only when %q is set, or has no reason", m.Kind, o.Name, mapped, o.When)
			}
		}
		if merge := m.MergeInto; merge != nil {
			receiver, ok := cloudformation.MappingFor(merge.Kind)
			if !ok || len(receiver.Resources) == 0 || merge.Reference == "" || merge.Reason == "" {
				t.Errorf("%s: merges into %s, which has no resource, or says not how or why", m.Kind, merge.Kind)
				continue
			}
			typ, ok := s.ResourceType(receiver.Resources[0].Type)
			if !ok {
				continue // reported with the receiving kind
			}
			receiverType := receiver.Resources[0].Type
			for _, p := range merge.Properties {
				if merge.Append {
					if spec, ok := typ.Properties[p.Property]; !ok || spec.Type != schemas.TypeList || spec.ItemType != "" {
						t.Errorf("%s: %s.%s is not a list of values to merge into", m.Kind, receiverType, p.Property)
					}
					continue
				}
				if _, err := specPath(s, receiverType, typ.Properties, p.Property); err != nil {
					t.Errorf("%s: merges into %s: %v", m.Kind, receiverType, err)
				}
				if root, _, nested := strings.Cut(p.Name, "."); nested && !slices.ContainsFunc(merge.Properties, func(q cloudformation.PropertyMapping) bool { return q.Name == root }) {
					t.Errorf("%s: %s is mapped but its property %s is not", m.Kind, p.Name, root)
				}
				// A placed value must not land where the receiving kind
				// already writes, or the two would fight over it.
				for _, own := range receiver.Resources[0].Properties {
					if top, _, _ := strings.Cut(p.Property, "."); strings.Split(own.Property, ".")[0] == top {
						t.Errorf("%s: merges into %s, which %s's own %s already sets", m.Kind, p.Property, receiver.Kind, own.Name)
					}
				}
			}
			for _, path := range merge.ListProperties {
				spec, err := specPath(s, receiverType, typ.Properties, path)
				switch {
				case err != nil:
					t.Errorf("%s: list property: %v", m.Kind, err)
				case spec.Type != schemas.TypeList:
					t.Errorf("%s: list property %s.%s is not a list in the spec", m.Kind, receiverType, path)
				case merge.Append:
					t.Errorf("%s: appended values are list items already; ListProperties has nothing to wrap", m.Kind)
				}
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
		{cloudformation.PropertyMapping{Name: "image_id", Property: "LaunchTemplateData.ImageId"}, false},
		{cloudformation.PropertyMapping{Name: "health_check.matcher", Property: "Matcher.HttpCode"}, true},
		{cloudformation.PropertyMapping{Name: "mixed_instances_policy.launch_template.override", Property: "MixedInstancesPolicy.LaunchTemplate.Overrides"}, true},
		{cloudformation.PropertyMapping{Name: "health_check", Property: ""}, true},
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

// TestNestedSpecCheck proves that the template check reaches inside
// nested property types: a Struct key that the table does not rename
// becomes its PascalCase, so a misspelt key, a missing required key or a
// scalar where a mapping belongs shows up only there (and in cfn-lint).
func TestNestedSpecCheck(t *testing.T) {
	s := loadSpec(t)
	g := &graph.Graph{Blueprint: "nested"}
	g.Add(
		graph.Component{ID: "lt", Kind: graph.KindLaunchTemplate, Properties: []graph.Property{
			{Name: "metadata_options", Value: graph.Struct{{Key: "http_tokenz", Value: graph.String("required")}}},
			{Name: "block_device_mappings", Value: graph.List{graph.Struct{{Key: "ebs", Value: graph.Int(20)}}}},
		}},
		graph.Component{ID: "listener", Kind: graph.KindLBListener, Properties: []graph.Property{
			{Name: "load_balancer_arn", Value: graph.String("arn")},
			{Name: "default_action", Value: graph.List{graph.Struct{{Key: "redirect", Value: graph.Struct{{Key: "port", Value: graph.String("443")}}}}}},
		}},
	)
	want := []string{
		"Listener.DefaultActions[0].RedirectConfig: required property StatusCode is missing",
		"Listener.DefaultActions[0]: required property Type is missing",
		"Lt.LaunchTemplateData.BlockDeviceMappings[0].Ebs: a scalar where the spec has Ebs",
		"Lt.LaunchTemplateData.MetadataOptions.HttpTokenz: no such property in AWS::EC2::LaunchTemplate",
	}
	got := validate(parse(t, generate(t, g)), s)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
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
		problems = append(problems, checkProperties(s, typeName, id, typ.Properties, properties)...)
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

// checkProperties holds rendered properties against the spec, down
// through nested property types and lists of them: every key exists,
// required keys are set, and mappings and lists sit where the spec has
// them. Values computed by intrinsics are only known at deploy time and
// are not checked.
func checkProperties(s *schemas.CFNSpec, resourceType, where string, spec map[string]*schemas.Property, values map[string]any) []string {
	var problems []string
	for name, value := range values {
		p, ok := spec[name]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s.%s: no such property in %s", where, name, resourceType))
			continue
		}
		problems = append(problems, checkValue(s, resourceType, where+"."+name, p, value)...)
	}
	for name, p := range spec {
		if _, ok := values[name]; p.Required && !ok {
			problems = append(problems, fmt.Sprintf("%s: required property %s is missing", where, name))
		}
	}
	return problems
}

func checkValue(s *schemas.CFNSpec, resourceType, where string, p *schemas.Property, value any) []string {
	if _, ok := value.(tagged); ok || p.PrimitiveType == schemas.PrimitiveJSON {
		return nil
	}
	var problems []string
	switch value := value.(type) {
	case []any:
		if p.Type != schemas.TypeList {
			return []string{fmt.Sprintf("%s: a list where the spec has %s%s", where, p.Type, p.PrimitiveType)}
		}
		item := &schemas.Property{ValueType: schemas.ValueType{Type: p.ItemType, PrimitiveType: p.PrimitiveItemType}}
		for i, v := range value {
			problems = append(problems, checkValue(s, resourceType, fmt.Sprintf("%s[%d]", where, i), item, v)...)
		}
	case map[string]any:
		// A one-key mapping whose key is Fn::Name is a function in its
		// long form (Fn::Base64: | for multi-line user data).
		if len(value) == 1 {
			for key := range value {
				if strings.HasPrefix(key, "Fn::") {
					return nil
				}
			}
		}
		shape, _, ok := s.ResolvePropertyType(resourceType, p.Type)
		if p.Type == schemas.TypeMap || !ok {
			if p.Type != schemas.TypeMap {
				problems = append(problems, fmt.Sprintf("%s: a mapping where the spec has %s%s", where, p.Type, p.PrimitiveType))
			}
			return problems
		}
		problems = append(problems, checkProperties(s, resourceType, where, shape.Properties, value)...)
	default:
		if p.PrimitiveType == "" {
			problems = append(problems, fmt.Sprintf("%s: a scalar where the spec has %s", where, p.Type))
		}
	}
	return problems
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
