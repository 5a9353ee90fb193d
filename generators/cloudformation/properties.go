package cloudformation

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// This file places model values in a resource's Properties. Most values go
// straight to one property, but the mapping table can also nest them under a
// parent (LaunchTemplateData), flatten a Struct into several properties
// (a target group's health check), translate Struct keys, collect several
// model properties into one attribute list and append values that another
// component contributes (a role's ManagedPolicyArns). All of that needs a
// tree that is still open for additions, which object is; it becomes a
// yaml.MapSlice only when the resource is complete.

// object is a mapping under construction, in insertion order. Its values
// are what the encoder writes, *object for a nested mapping still being
// filled, or *openList for a list that collects items one by one.
type object struct {
	keys   []string
	values map[string]any
}

// openList is a list that several model values add to.
type openList struct {
	items []any
}

func newObject() *object { return &object{values: map[string]any{}} }

// put sets the value at a dotted path, creating the mappings on the way.
// Its errors complete a sentence that starts with the model property.
func (o *object) put(path string, value any) error {
	parent, key, err := o.parent(path)
	if err != nil {
		return err
	}
	if _, ok := parent.values[key]; ok {
		return fmt.Errorf("sets %s twice", path)
	}
	parent.add(key, value)
	return nil
}

// appendTo adds an item to the list at a dotted path and returns the
// item's index. A list the component set itself takes more items too.
func (o *object) appendTo(path string, item any) (int, error) {
	parent, key, err := o.parent(path)
	if err != nil {
		return 0, err
	}
	switch existing := parent.values[key].(type) {
	case nil:
		parent.add(key, &openList{items: []any{item}})
		return 0, nil
	case *openList:
		existing.items = append(existing.items, item)
		return len(existing.items) - 1, nil
	case []any:
		parent.values[key] = &openList{items: append(slices.Clip(existing), item)}
		return len(existing), nil
	default:
		return 0, fmt.Errorf("adds to %s, which is not a list", path)
	}
}

// wrap replaces the value at a dotted path, if there is one, with a
// one-item list holding it.
func (o *object) wrap(path string) {
	parts := strings.Split(path, ".")
	current := o
	for _, part := range parts[:len(parts)-1] {
		next, ok := current.values[part].(*object)
		if !ok {
			return
		}
		current = next
	}
	key := parts[len(parts)-1]
	if value, ok := current.values[key]; ok {
		current.values[key] = []any{value}
	}
}

// has reports whether the top-level key is set.
func (o *object) has(key string) bool {
	_, ok := o.values[key]
	return ok
}

// parent walks to the mapping that holds the last part of path.
func (o *object) parent(path string) (*object, string, error) {
	parts := strings.Split(path, ".")
	current := o
	for i, part := range parts[:len(parts)-1] {
		switch next := current.values[part].(type) {
		case nil:
			child := newObject()
			current.add(part, child)
			current = child
		case *object:
			current = next
		default:
			return nil, "", fmt.Errorf("cannot go under %s, which holds a value", strings.Join(parts[:i+1], "."))
		}
	}
	return current, parts[len(parts)-1], nil
}

func (o *object) add(key string, value any) {
	o.keys = append(o.keys, key)
	o.values[key] = value
}

// mapSlice is the finished mapping for the encoder; nil when empty, so
// that omitempty drops a resource's empty Properties.
func (o *object) mapSlice() yaml.MapSlice {
	if len(o.keys) == 0 {
		return nil
	}
	out := make(yaml.MapSlice, len(o.keys))
	for i, key := range o.keys {
		out[i] = yaml.MapItem{Key: key, Value: finish(o.values[key])}
	}
	return out
}

// finish turns what was built into what the encoder writes.
func finish(v any) any {
	switch v := v.(type) {
	case *object:
		return v.mapSlice()
	case *openList:
		return finish(v.items)
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = finish(item)
		}
		return out
	default:
		return v
	}
}

// scope is where values are being placed: the names of one resource, the
// mapping being filled and its CloudFormation path. The path is empty for
// the resource's Properties and is a list's path inside one item of a
// repeated block, whose keys must stay inside the item.
type scope struct {
	mapping *ResourceMapping
	target  *object
	prefix  string
}

// place puts one model value, named by its model path, at its
// CloudFormation path. A Struct places each of its keys; a List of Structs
// becomes a list of mappings; anything else is one leaf. Errors name the
// model path, so a problem deep inside a launch template says where.
func (b *builder) place(s scope, name, property string, v graph.Value) error {
	switch v := v.(type) {
	case graph.Struct:
		var errs []error
		for _, f := range v {
			errs = append(errs, b.place(s, name+"."+f.Key, s.mapping.child(name, property, f.Key), f.Value))
		}
		return errors.Join(errs...)
	case graph.List:
		if slices.ContainsFunc(v, isStruct) {
			return b.placeBlocks(s, name, property, v)
		}
	}
	if property == "" {
		return fmt.Errorf("property %q maps to no CloudFormation property; only a Struct can be flattened", name)
	}
	path, err := s.relative(name, property)
	if err != nil {
		return err
	}
	if key, ok := s.mapping.attributeKey(name); ok {
		value, err := b.attributeValue(v)
		if err != nil {
			return fmt.Errorf("property %q: %w", name, err)
		}
		if _, err := s.target.appendTo(path, tag{Key: key, Value: value}); err != nil {
			return fmt.Errorf("property %q %w", name, err)
		}
		return nil
	}
	value, err := b.leafValue(s.mapping, property, v)
	if err != nil {
		return fmt.Errorf("property %q: %w", name, err)
	}
	if err := s.target.put(path, value); err != nil {
		return fmt.Errorf("property %q %w", name, err)
	}
	return nil
}

// placeBlocks renders a repeated block: one mapping per Struct, whose
// keys are translated like any Struct's but stay inside their item.
func (b *builder) placeBlocks(s scope, name, property string, list graph.List) error {
	if property == "" {
		return fmt.Errorf("property %q is a list of Structs, which cannot be flattened", name)
	}
	path, err := s.relative(name, property)
	if err != nil {
		return err
	}
	items := make([]any, len(list))
	var errs []error
	for i, item := range list {
		block, ok := item.(graph.Struct)
		if !ok {
			errs = append(errs, fmt.Errorf("property %q: item %d is a %T in a list of Structs", name, i, item))
			continue
		}
		inner := scope{mapping: s.mapping, target: newObject(), prefix: property}
		for _, f := range block {
			errs = append(errs, b.place(inner, name+"."+f.Key, s.mapping.child(name, property, f.Key), f.Value))
		}
		items[i] = inner.target
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := s.target.put(path, items); err != nil {
		return fmt.Errorf("property %q %w", name, err)
	}
	return nil
}

// relative is a CloudFormation path as seen from the scope's mapping.
func (s scope) relative(name, property string) (string, error) {
	if s.prefix == "" {
		return property, nil
	}
	rest, ok := strings.CutPrefix(property, s.prefix+".")
	if !ok || rest == "" {
		return "", fmt.Errorf("property %q maps to %s, outside its repeated block %s", name, property, s.prefix)
	}
	return rest, nil
}

// child is the CloudFormation path of a Struct key: the table's entry for
// it, or else the PascalCase of the key under its parent's path.
func (r *ResourceMapping) child(parentName, parentProperty, key string) string {
	if property, ok := r.property(parentName + "." + key); ok {
		return property
	}
	if parentProperty == "" {
		return PascalCase(key)
	}
	return parentProperty + "." + PascalCase(key)
}

func isStruct(v graph.Value) bool {
	_, ok := v.(graph.Struct)
	return ok
}

// leafValue converts one value into the shape its CloudFormation property
// takes, where that differs from the model's: a translated literal, or
// Name/Value or Key/Value pairs for an Object.
func (b *builder) leafValue(rm *ResourceMapping, property string, v graph.Value) (any, error) {
	if translations, ok := rm.valueMap(property); ok {
		return translate(translations, v)
	}
	switch {
	case slices.Contains(rm.NameValueProperties, property):
		object, ok := v.(graph.Object)
		if !ok {
			return nil, fmt.Errorf("%s takes name/value pairs, which the model writes as an Object, not %T", property, v)
		}
		return b.resolver.nameValues(object)
	case slices.Contains(rm.KeyValueProperties, property):
		object, ok := v.(graph.Object)
		if !ok {
			return nil, fmt.Errorf("%s takes key/value pairs, which the model writes as an Object, not %T", property, v)
		}
		return b.resolver.keyValues(object)
	case rm.itemKey(property) != "":
		list, ok := v.(graph.List)
		if !ok {
			return nil, fmt.Errorf("%s takes a list of {%s: ...} mappings, which the model writes as a List, not %T", property, rm.itemKey(property), v)
		}
		return b.resolver.itemMappings(rm.itemKey(property), list)
	default:
		return b.resolver.value(v)
	}
}

// translate looks a literal up in a ValueMap. References cannot be
// translated: the value is only known at deploy time.
func translate(m ValueMap, v graph.Value) (string, error) {
	text, ok := literalText(v)
	if !ok {
		return "", fmt.Errorf("%s needs a literal to translate, not %T", m.Property, v)
	}
	var accepted []string
	for _, t := range m.Values {
		if t.Model == text {
			return t.Value, nil
		}
		accepted = append(accepted, strconv.Quote(t.Model))
	}
	slices.Sort(accepted)
	return "", fmt.Errorf("%s has no translation for %q; the model may say %s", m.Property, text, strings.Join(accepted, ", "))
}

// attributeValue is the value of a Key/Value attribute, which the
// services take as a string: literals are written as their text, so that
// a Bool does not become a YAML boolean, and anything else must resolve
// to a string at deploy time.
func (b *builder) attributeValue(v graph.Value) (any, error) {
	if text, ok := literalText(v); ok {
		return text, nil
	}
	value, err := b.resolver.value(v)
	if err != nil {
		return nil, err
	}
	if _, ok := value.(intrinsic); !ok {
		return nil, fmt.Errorf("an attribute value must be a string, number, boolean or reference, not %T", v)
	}
	return value, nil
}

// literalText is the text of a literal scalar.
func literalText(v graph.Value) (string, bool) {
	switch v := v.(type) {
	case graph.String:
		return string(v), true
	case graph.Int:
		return strconv.FormatInt(int64(v), 10), true
	case graph.Bool:
		return strconv.FormatBool(bool(v)), true
	default:
		return "", false
	}
}
