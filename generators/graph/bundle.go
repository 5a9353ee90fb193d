package graph

import (
	"errors"
	"fmt"
	"regexp"
)

// Bundle is a deployment made of several deployable units that are
// deployed in order, such as a pilot light: a stack in the primary region,
// one in the recovery region and a global one for DNS.
//
// Each stack's graph stands alone: its own parameters, components, outputs
// and default region, valid on its own terms. Values cross from one stack
// to another only through Inputs, which name an output of an earlier stack
// and a parameter of a later one. That single, explicit seam is what both
// formats can express: Terraform passes a module's output to the next
// module's argument, CloudFormation reads a stack's outputs and passes them
// as the next stack's parameters.
type Bundle struct {
	// Name is the deployment's short name ("lab"). CloudFormation stacks
	// are named "<name>-<stack>".
	Name string
	// Blueprint names the blueprint that built the bundle; it only reaches
	// comments and documentation.
	Blueprint string
	// Description is one sentence on what the whole deployment builds.
	Description string
	// Tags apply to every stack's resources. A stack graph's own Tags add
	// to them for that stack only; where both set a key, the bundle's
	// value wins (see StackTags).
	Tags []Tag
	// Docs holds explanatory material for the README, beside each stack's
	// own.
	Docs Docs
	// Stacks are the units in deploy order: a stack's inputs can only come
	// from stacks before it, and teardown runs in reverse.
	Stacks []Stack
	// Runbook, when set, is the operational procedure that comes with the
	// deployment (a failover); the docs generator renders it.
	Runbook *Runbook
}

// Stack is one deployable unit of a bundle.
type Stack struct {
	// Name identifies the stack within the bundle ("primary", "dr",
	// "dns"). It names a Terraform module, its provider alias and
	// variables, a CloudFormation template file and, with the bundle's
	// name, a CloudFormation stack, so it is restricted to lowercase
	// letters and digits (see StackNamePattern).
	Name string
	// Graph is what the stack deploys. Its Region is the stack's default
	// region.
	Graph *Graph
	// Inputs wire outputs of earlier stacks into parameters of this one.
	// A parameter without an input stays a deploy-time parameter.
	Inputs []Input
}

// Input passes one output of an earlier stack to a parameter of this one.
type Input struct {
	// Parameter is a parameter of this stack's graph.
	Parameter string
	// Stack names an earlier stack of the bundle, and Output one of its
	// graph's outputs.
	Stack  string
	Output string
}

// StackNamePattern is what a stack name must match. Underscores are left
// out on purpose: Terraform names derived from a stack ("<stack>_region",
// "<stack>_<output>") then split unambiguously at the first underscore,
// and CloudFormation stack names cannot contain them.
const StackNamePattern = `^[a-z][a-z0-9]{0,31}$`

var stackName = regexp.MustCompile(StackNamePattern)

// Stack returns the stack with the given name, or nil.
func (b *Bundle) Stack(name string) *Stack {
	for i := range b.Stacks {
		if b.Stacks[i].Name == name {
			return &b.Stacks[i]
		}
	}
	return nil
}

// Input returns the input wired to the named parameter, or nil when the
// parameter stays a deploy-time parameter.
func (s *Stack) Input(parameter string) *Input {
	for i := range s.Inputs {
		if s.Inputs[i].Parameter == parameter {
			return &s.Inputs[i]
		}
	}
	return nil
}

// StackTags returns the tags that apply to the named stack's resources:
// the bundle's tags in order, then those of the stack's graph whose keys
// the bundle does not set. The bundle wins on a shared key because it
// describes the deployment as a whole (its Blueprint tag, say), where a
// graph built by a reused blueprint describes only its part.
func (b *Bundle) StackTags(name string) []Tag {
	tags := append([]Tag(nil), b.Tags...)
	s := b.Stack(name)
	if s == nil || s.Graph == nil {
		return tags
	}
	set := make(map[string]bool, len(b.Tags))
	for _, t := range b.Tags {
		set[t.Key] = true
	}
	for _, t := range s.Graph.Tags {
		if !set[t.Key] {
			set[t.Key] = true
			tags = append(tags, t)
		}
	}
	return tags
}

// Validate checks the bundle as a whole: at least one stack, stack names
// that are unique and match StackNamePattern, every graph valid and with a
// default region, and inputs that read an existing output of an earlier
// stack into an existing parameter of a compatible type, at most once per
// parameter. Every problem is reported, joined.
func (b *Bundle) Validate() error {
	var errs []error
	if b.Name == "" {
		errs = append(errs, errors.New("bundle has no name"))
	}
	if len(b.Stacks) == 0 {
		errs = append(errs, errors.New("bundle has no stacks"))
	}
	// earlier holds the stacks before the one being checked, which are
	// the only ones its inputs may read: deploy order is slice order.
	earlier := make(map[string]*Stack, len(b.Stacks))
	all := make(map[string]bool, len(b.Stacks))
	for _, s := range b.Stacks {
		all[s.Name] = true
	}
	for i := range b.Stacks {
		s := &b.Stacks[i]
		switch {
		case !stackName.MatchString(s.Name):
			errs = append(errs, fmt.Errorf("stack %q: a stack name must be 1 to 32 lowercase letters and digits, starting with a letter", s.Name))
		case earlier[s.Name] != nil:
			errs = append(errs, fmt.Errorf("duplicate stack %q", s.Name))
		}
		if s.Graph == nil {
			errs = append(errs, fmt.Errorf("stack %q has no graph", s.Name))
			continue
		}
		if err := s.Graph.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("stack %q: %w", s.Name, err))
		}
		if s.Graph.Region == "" {
			errs = append(errs, fmt.Errorf("stack %q: its graph has no default region", s.Name))
		}
		errs = append(errs, s.validateInputs(earlier, all)...)
		if earlier[s.Name] == nil {
			earlier[s.Name] = s
		}
	}
	if b.Runbook != nil {
		if err := b.Runbook.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// validateInputs checks one stack's inputs against the stacks deployed
// before it; all holds every stack name, so that an input from a later
// stack is reported as an ordering problem rather than a missing stack.
func (s *Stack) validateInputs(earlier map[string]*Stack, all map[string]bool) []error {
	var errs []error
	wired := make(map[string]bool, len(s.Inputs))
	for _, in := range s.Inputs {
		where := fmt.Sprintf("stack %q input %q", s.Name, in.Parameter)
		param := s.Graph.Parameter(in.Parameter)
		switch {
		case param == nil:
			errs = append(errs, fmt.Errorf("%s: the stack's graph has no such parameter", where))
		case wired[in.Parameter]:
			errs = append(errs, fmt.Errorf("%s: the parameter is wired more than once", where))
		}
		wired[in.Parameter] = true
		from := earlier[in.Stack]
		switch {
		case in.Stack == s.Name:
			errs = append(errs, fmt.Errorf("%s: a stack cannot read its own output %q", where, in.Output))
			continue
		case from == nil && all[in.Stack]:
			errs = append(errs, fmt.Errorf("%s: stack %q is deployed later; move it before %q", where, in.Stack, s.Name))
			continue
		case from == nil:
			errs = append(errs, fmt.Errorf("%s: no stack %q", where, in.Stack))
			continue
		case from.Graph == nil:
			continue // reported with that stack
		}
		output := from.Graph.Output(in.Output)
		if output == nil {
			errs = append(errs, fmt.Errorf("%s: stack %q has no output %q", where, in.Stack, in.Output))
			continue
		}
		if param == nil {
			continue
		}
		switch have := from.Graph.valueType(output.Value); {
		case have == "":
			errs = append(errs, fmt.Errorf("%s: output %q of stack %q is not a single string or number, so no parameter can take it", where, in.Output, in.Stack))
		case have != param.Type:
			errs = append(errs, fmt.Errorf("%s: output %q of stack %q is a %s, but the parameter is a %s", where, in.Output, in.Stack, have, param.Type))
		}
	}
	return errs
}

// Output returns the output with the given name, or nil.
func (g *Graph) Output(name string) *Output {
	for i := range g.Outputs {
		if g.Outputs[i].Name == name {
			return &g.Outputs[i]
		}
	}
	return nil
}

// valueType is the parameter type that can hold v, or "" when none can: a
// List (one subnet per zone) renders as a Terraform list but as one
// comma-separated string in CloudFormation, so until parameters can be
// lists, such outputs cannot be wired. Attributes of components are
// strings in both formats.
func (g *Graph) valueType(v Value) ParamType {
	switch v := v.(type) {
	case String, Join, Ref, Pseudo, AZ:
		return ParamString
	case Int:
		return ParamNumber
	case ParamRef:
		if p := g.Parameter(v.Name); p != nil {
			return p.Type
		}
	}
	return ""
}
