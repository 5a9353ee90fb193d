package terraform

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// argument is one argument on its way into a body.
type argument struct {
	// name is the Terraform argument or block type name.
	name string
	// context names the argument in error messages: a component's property
	// by its model name, a Struct field by its key.
	context string
	value   graph.Value
}

// writeArguments fills a resource or nested block body: first the
// attributes, then the nested blocks, each group in the given order and
// every block after a blank line. That is the layout the Terraform style
// guide asks for, and it keeps each run of attributes together, so that
// hclwrite aligns their equals signs as one column.
//
// path is the body's dotted path from the resource ("" for the resource
// body), which decides what is a block, and depth its nesting level (1 for
// the resource body), which heredocs need to indent their lines.
func (r *renderer) writeArguments(body *hclwrite.Body, m *TypeMapping, path string, depth int, args []argument) []error {
	var errs []error
	var blocks []argument
	for _, a := range args {
		if m.IsBlock(joinPath(path, a.name)) {
			blocks = append(blocks, a)
			continue
		}
		if err := r.setAttribute(body, depth, a.name, a.value); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a.context, err))
		}
	}
	written := len(blocks) < len(args)
	for _, a := range blocks {
		instances, err := blockInstances(a.name, a.value)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a.context, err))
			continue
		}
		for i, instance := range instances {
			context := a.context
			if _, repeated := a.value.(graph.List); repeated {
				context = fmt.Sprintf("%s: list item %d", a.context, i)
			}
			fields, err := structArguments(instance)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", context, err))
				continue
			}
			if written {
				body.AppendNewline()
			}
			written = true
			nested := body.AppendNewBlock(a.name, nil).Body()
			for _, err := range r.writeArguments(nested, m, joinPath(path, a.name), depth+1, fields) {
				errs = append(errs, fmt.Errorf("%s: %w", context, err))
			}
		}
	}
	return errs
}

// blockInstances returns the Structs a block argument holds: one for a
// Struct, one per item for a List of Structs (repeated blocks, in order).
// Anything else has no block form, and guessing one would hide a
// blueprint's mistake until terraform validate.
func blockInstances(name string, v graph.Value) ([]graph.Struct, error) {
	switch v := v.(type) {
	case nil:
		return nil, errors.New("missing value")
	case graph.Struct:
		return []graph.Struct{v}, nil
	case graph.List:
		instances := make([]graph.Struct, len(v))
		for i, item := range v {
			s, ok := item.(graph.Struct)
			if !ok {
				return nil, fmt.Errorf("list item %d: %q is a nested block in Terraform, so each item must be a Struct, not a %T", i, name, item)
			}
			instances[i] = s
		}
		return instances, nil
	default:
		return nil, fmt.Errorf("%q is a nested block in Terraform: give a Struct or a List of Structs, not a %T", name, v)
	}
}

// structArguments turns a Struct's fields into arguments. Its keys are
// argument names already (the model spells nested arguments as Terraform
// does), so each may appear once and must look like one: letters, digits
// and underscores. HCL would accept dashes too, but no provider argument
// has one, so a dash is a blueprint's mistake.
func structArguments(s graph.Struct) ([]argument, error) {
	args := make([]argument, 0, len(s))
	seen := make(map[string]bool, len(s))
	for _, field := range s {
		switch {
		case !plainIdentifier(field.Key):
			return nil, fmt.Errorf("struct key %q is not an argument name", field.Key)
		case seen[field.Key]:
			return nil, fmt.Errorf("duplicate key %q", field.Key)
		}
		seen[field.Key] = true
		args = append(args, argument{name: field.Key, context: fmt.Sprintf("key %q", field.Key), value: field.Value})
	}
	return args, nil
}

// joinPath extends a dotted block path by one name.
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
