// Package cloudformation renders a graph as one CloudFormation template in
// YAML, the way an engineer would write it by hand: short-form intrinsic
// functions, parameters with their constraints, resources in the graph's
// order, exported outputs.
//
// The template is built as Go values (structs for fixed shapes, yaml.MapSlice
// where order matters, small intrinsic types for tags) and encoded once with
// goccy/go-yaml; no YAML text is assembled by hand. The package imports only
// the generators and graph packages, never a blueprint, and touches no disk,
// clock or environment.
package cloudformation

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// FormatVersion is the only template format version CloudFormation has.
const FormatVersion = "2010-09-09"

// Generator renders graphs as CloudFormation templates. It is stateless.
type Generator struct{}

var _ generators.Generator = (*Generator)(nil)

// New returns a CloudFormation generator.
func New() *Generator { return &Generator{} }

// Name is the --format value that selects the generator.
func (*Generator) Name() string { return "cloudformation" }

// encodeOptions give the layout people write by hand: two-space indents,
// sequences indented under their key, single quotes where quotes are needed
// (as in the AWS documentation) and block scalars for multi-line text.
var encodeOptions = []yaml.EncodeOption{
	yaml.Indent(2),
	yaml.IndentSequence(true),
	yaml.UseSingleQuote(true),
	yaml.UseLiteralStyleIfMultiline(true),
}

// blueprintName keeps the file name inside the cloudformation directory.
var blueprintName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// Generate renders g as cloudformation/<blueprint>.yaml. Problems with
// individual components are collected and reported together.
func (*Generator) Generate(g *graph.Graph) ([]generators.File, error) {
	if g == nil {
		return nil, errors.New("render CloudFormation: no graph")
	}
	if !blueprintName.MatchString(g.Blueprint) {
		return nil, fmt.Errorf("render CloudFormation: blueprint name %q is not a lowercase file name", g.Blueprint)
	}
	t, comments, err := build(g)
	if err != nil {
		return nil, fmt.Errorf("render CloudFormation for blueprint %q: %w", g.Blueprint, err)
	}
	content, err := marshal(t, comments)
	if err != nil {
		return nil, fmt.Errorf("encode CloudFormation template for blueprint %q: %w", g.Blueprint, err)
	}
	return []generators.File{{
		Path:    path.Join("cloudformation", g.Blueprint+".yaml"),
		Content: content,
	}}, nil
}

// marshal encodes a built template with its comments.
func marshal(t *template, comments yaml.CommentMap) ([]byte, error) {
	options := append(encodeOptions[:len(encodeOptions):len(encodeOptions)], yaml.WithComment(comments))
	return yaml.MarshalWithOptions(t, options...)
}

// builder carries what building one template needs. It lives for one
// Generate call, which keeps Generator stateless and safe to share.
type builder struct {
	g        *graph.Graph
	resolver *resolver
	// logicalIDs maps every logical ID in use to what claimed it, so that
	// two names that PascalCase alike are caught.
	logicalIDs map[string]string
	// comments are attached by YAML path when encoding: goccy has no
	// comment field on MapItem, so they travel beside the document.
	comments yaml.CommentMap
	// merges holds, by the ID of the receiving component, the values that
	// components of a MergeInto kind add to it. They are collected before
	// any resource is rendered, because the receiving component usually
	// comes first in the graph.
	merges map[string][]merged
}

// merged is one value a component adds to another component's resource.
type merged struct {
	// name is the model property and property the receiving resource's
	// property path it goes to, as merge says.
	name     string
	property string
	value    graph.Value
	from     *graph.Component
	merge    *Merge
}

// build assembles the template and the comments that go with it.
func build(g *graph.Graph) (*template, yaml.CommentMap, error) {
	r, err := newResolver(g)
	if err != nil {
		return nil, nil, err
	}
	b := &builder{g: g, resolver: r, logicalIDs: map[string]string{}, comments: yaml.CommentMap{}, merges: map[string][]merged{}}
	t := &template{AWSTemplateFormatVersion: FormatVersion, Description: g.Description}

	// Each section collects its own problems; all of them are reported
	// together, so one run shows everything a blueprint author must fix.
	var errs []error
	params, err := b.parameters()
	errs = append(errs, err)
	resources, skipped, err := b.resources()
	errs = append(errs, err)
	outputs, err := b.outputs()
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}

	t.Parameters, t.Resources, t.Outputs = params, resources, outputs
	// An empty Metadata section is noise, so it exists only when there is
	// a parameter order to keep or a missing resource to explain.
	if len(g.Parameters) > 0 || len(skipped) > 0 {
		t.Metadata = &metadata{Interface: b.parameterInterface()}
		if len(skipped) > 0 {
			t.Metadata.Scaffold = &scaffoldMetadata{Unsupported: skipped}
			b.comments["$.Resources"] = []*yaml.Comment{yaml.HeadComment(skippedComment(skipped)...)}
		}
	}
	return t, b.comments, nil
}

// claim reserves a logical ID, parameter or output name. CloudFormation
// keeps them in separate namespaces, but Ref cannot tell a parameter from
// a resource, so parameters and resources must not collide either.
func (b *builder) claim(name, owner string) error {
	if previous, ok := b.logicalIDs[name]; ok {
		return fmt.Errorf("%s and %s both become %q in CloudFormation", previous, owner, name)
	}
	b.logicalIDs[name] = owner
	return nil
}

// parameters renders the Parameters section in graph order. Names are
// claimed before any resource so that a clash is reported against the
// parameter, which is usually the one to rename.
func (b *builder) parameters() (yaml.MapSlice, error) {
	var out yaml.MapSlice
	var errs []error
	for _, p := range b.g.Parameters {
		name := b.resolver.parameters[p.Name]
		if err := b.claim(name, fmt.Sprintf("parameter %q", p.Name)); err != nil {
			errs = append(errs, err)
			continue
		}
		converted, err := parameterFor(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("parameter %q: %w", p.Name, err))
			continue
		}
		out = append(out, yaml.MapItem{Key: name, Value: converted})
	}
	return out, errors.Join(errs...)
}

// parameterFor converts one parameter. It rejects combinations
// CloudFormation would reject at deploy time (a pattern on a Number) so
// that the mistake surfaces while generating, next to the model's name.
func parameterFor(p graph.Parameter) (*parameter, error) {
	out := &parameter{Description: p.Description}
	switch p.Type {
	case graph.ParamString:
		out.Type = "String"
		out.AllowedPattern = p.Pattern
		out.MinLength, out.MaxLength = p.MinLength, p.MaxLength
		for _, v := range p.AllowedValues {
			out.AllowedValues = append(out.AllowedValues, v)
		}
	case graph.ParamNumber:
		out.Type = "Number"
		// Numbers are written as numbers so that the template reads the
		// way the parameter behaves.
		for _, v := range p.AllowedValues {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("allowed value %q is not an integer", v)
			}
			out.AllowedValues = append(out.AllowedValues, n)
		}
		if p.Pattern != "" || p.MinLength != 0 || p.MaxLength != 0 {
			return nil, errors.New("a number parameter cannot have a pattern or length bounds")
		}
	default:
		return nil, fmt.Errorf("unknown parameter type %q", p.Type)
	}
	// The help text is only shown when a constraint fails, so without a
	// constraint it would be dead text in the template.
	if p.Pattern != "" || len(p.AllowedValues) > 0 || p.MinLength != 0 || p.MaxLength != 0 {
		out.ConstraintDescription = p.ConstraintHelp
	}
	switch d := p.Default.(type) {
	case nil:
	case graph.String:
		out.Default = string(d)
	case graph.Int:
		out.Default = int64(d)
	default:
		return nil, fmt.Errorf("default of type %T is neither a String nor an Int", p.Default)
	}
	return out, nil
}

// parameterInterface puts every parameter in one group, in graph order,
// with a readable label.
func (b *builder) parameterInterface() *parameterInterface {
	if len(b.g.Parameters) == 0 {
		return nil
	}
	group := parameterGroup{Label: text{Default: "Parameters"}}
	labels := make(yaml.MapSlice, 0, len(b.g.Parameters))
	for _, p := range b.g.Parameters {
		name := b.resolver.parameters[p.Name]
		group.Parameters = append(group.Parameters, name)
		labels = append(labels, yaml.MapItem{Key: name, Value: text{Default: label(p.Name)}})
	}
	return &parameterInterface{ParameterGroups: []parameterGroup{group}, ParameterLabels: labels}
}

// resources renders every component, and lists those CloudFormation
// cannot express.
func (b *builder) resources() (yaml.MapSlice, []unsupported, error) {
	var out yaml.MapSlice
	var skipped []unsupported
	errs := []error{b.collectMerges()}
	for i := range b.g.Components {
		c := &b.g.Components[i]
		m := lookup(c.Kind)
		if m == nil {
			errs = append(errs, fmt.Errorf("component %q: kind %q has no CloudFormation mapping", c.ID, c.Kind))
			continue
		}
		if m.MergeInto != nil {
			// Rendered as part of the component it merges into.
			continue
		}
		if m.Unsupported != "" {
			skipped = append(skipped, unsupported{
				Component: c.ID,
				Kind:      string(c.Kind),
				Reason:    m.Unsupported,
				Remedy:    remedy(m, c),
			})
			continue
		}
		items, err := b.component(c, m)
		if err != nil {
			errs = append(errs, fmt.Errorf("component %q: %w", c.ID, err))
			continue
		}
		out = append(out, items...)
	}
	return out, skipped, errors.Join(errs...)
}

// component renders one component as its resources.
//
// Waivers are not rendered. They name exceptions to Terraform scanners'
// checks (tfsec reads only HCL), cfn-lint has no such checks to silence,
// and a CloudFormation scanner's suppression (cfn_nag, Checkov) would need
// its own rule IDs per kind, which the model does not map yet.
func (b *builder) component(c *graph.Component, m *TypeMapping) (yaml.MapSlice, error) {
	primaryID, err := cfnName("component", c.ID)
	if err != nil {
		return nil, err
	}
	resources := make([]resource, len(m.Resources))
	properties := make([]*object, len(m.Resources))
	var errs []error
	for i, rm := range m.Resources {
		resources[i].Type = rm.Type
		properties[i] = newObject()
		if rm.PrimaryRef != "" {
			// A fresh mapping: nothing can clash yet.
			_ = properties[i].put(rm.PrimaryRef, ref(primaryID))
		}
	}
	// Implied properties go first unless the component sets the same
	// property itself, which it may (an elastic IP's domain).
	for i, rm := range m.Resources {
		for _, implied := range rm.Implied {
			if b.sets(c, m, i, implied.Property) {
				continue
			}
			value, err := b.resolver.value(implied.Value)
			if err != nil {
				errs = append(errs, fmt.Errorf("implied property %s: %w", implied.Property, err))
				continue
			}
			if err := properties[i].put(implied.Property, value); err != nil {
				errs = append(errs, fmt.Errorf("implied property %w", err))
			}
		}
	}
	for _, p := range c.Properties {
		if m.omitted(c, p.Name) {
			continue
		}
		i, property, ok := m.property(p.Name)
		if !ok {
			errs = append(errs, fmt.Errorf("property %q has no CloudFormation mapping for kind %q", p.Name, c.Kind))
			continue
		}
		root := scope{mapping: &m.Resources[i], target: properties[i]}
		errs = append(errs, b.place(root, p.Name, property, p.Value))
	}
	errs = append(errs, b.addMerged(c, primaryID, properties[0]))
	for i, rm := range m.Resources {
		for _, property := range rm.ListProperties {
			properties[i].wrap(property)
		}
	}
	// Tags come last, as people write them. A component's Name has nowhere
	// to go on a type without Tags (a route), matching Terraform, where such
	// resources have no tags argument either.
	tags, err := b.tags(c)
	if err != nil {
		errs = append(errs, err)
	}
	for i, rm := range m.Resources {
		if rm.Tags && len(tags) > 0 {
			if err := properties[i].put(rm.tagsProperty(), tags); err != nil {
				errs = append(errs, fmt.Errorf("the tags %w", err))
			}
		}
		resources[i].Properties = properties[i].mapSlice()
	}
	dependsOn, err := b.dependsOn(c)
	if err != nil {
		errs = append(errs, err)
	}
	resources[0].DependsOn = dependsOn
	policy, err := deletionPolicy(c, m)
	if err != nil {
		errs = append(errs, err)
	}
	resources[0].DeletionPolicy, resources[0].UpdateReplacePolicy = policy, policy
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	out := make(yaml.MapSlice, len(resources))
	for i, rm := range m.Resources {
		id := primaryID + rm.Suffix
		if err := b.claim(id, fmt.Sprintf("component %q", c.ID)); err != nil {
			return nil, err
		}
		out[i] = yaml.MapItem{Key: id, Value: resources[i]}
	}
	if c.Label != "" {
		// The label says in words what the resource is for; it is the
		// comment a person would write above it.
		b.comments["$.Resources."+primaryID] = labelComment(c.Label)
	}
	return out, nil
}

// deletionPolicy is the DeletionPolicy (and UpdateReplacePolicy) that
// expresses a component's Retain: Snapshot or Delete, or nothing when the
// component leaves Retain empty on a kind whose default is deletion. Both
// policies are the same, so that replacing the resource in an update keeps
// what deleting the stack would.
func deletionPolicy(c *graph.Component, m *TypeMapping) (string, error) {
	switch c.Retain {
	case graph.RetainSnapshot:
		if !m.Snapshot {
			return "", fmt.Errorf("retains a snapshot, but %s has no DeletionPolicy Snapshot", m.Resources[0].Type)
		}
		return "Snapshot", nil
	case graph.RetainNothing:
		return "Delete", nil
	case "":
		if m.Snapshot {
			return "", fmt.Errorf("%s must say what deleting it keeps: set Retain to %q or %q", m.Resources[0].Type, graph.RetainSnapshot, graph.RetainNothing)
		}
		return "", nil
	default:
		return "", fmt.Errorf("unknown retention %q", c.Retain)
	}
}

// labelComment is a component's label as a head comment, one line per
// line of the label.
func labelComment(label string) []*yaml.Comment {
	var lines []string
	for _, line := range strings.Split(label, "\n") {
		lines = append(lines, " "+line)
	}
	return []*yaml.Comment{yaml.HeadComment(lines...)}
}

// sets reports whether the component sets the CloudFormation property on
// resource i.
func (b *builder) sets(c *graph.Component, m *TypeMapping, i int, property string) bool {
	for _, p := range c.Properties {
		if j, name, ok := m.property(p.Name); ok && j == i && name == property {
			return true
		}
	}
	return false
}

// tags gives the Name tag first, then the graph's tags in order. A graph
// tag called Name yields to the component's own name, as a resource tag
// beats a Terraform default tag. A tag that reads a parameter is !Ref of
// it, so one template serves deployments that differ only in its value.
func (b *builder) tags(c *graph.Component) ([]tag, error) {
	var tags []tag
	if c.Name != nil {
		value, err := b.resolver.value(c.Name)
		if err != nil {
			return nil, fmt.Errorf("name: %w", err)
		}
		tags = append(tags, tag{Key: "Name", Value: value})
	}
	for _, t := range b.g.Tags {
		if t.Key == "Name" && c.Name != nil {
			continue
		}
		if t.Param != "" {
			// The same path as any parameter reference, so the name
			// mapping and its errors are the resolver's.
			value, err := b.resolver.value(graph.Param(t.Param))
			if err != nil {
				return nil, fmt.Errorf("tag %q: %w", t.Key, err)
			}
			tags = append(tags, tag{Key: t.Key, Value: value})
			continue
		}
		tags = append(tags, tag{Key: t.Key, Value: t.Value})
	}
	return tags, nil
}

// dependsOn lists what the component must wait for beyond what its
// references already imply. A dependency on a kind with a
// DependencySuffix (an internet gateway) means its stand-in resource (the
// attachment), and so does a reference to one: a route through a gateway
// fails until the gateway is attached. Dependencies that a Ref already
// implies are dropped, because cfn-lint flags them as redundant.
func (b *builder) dependsOn(c *graph.Component) (any, error) {
	referenced := map[string]bool{}
	var implied []string
	visit := func(v graph.Value) {
		graph.Walk(v, func(v graph.Value) {
			if s, ok := v.(graph.SecretValue); ok {
				// A dynamic reference names the secret with !Ref.
				v = graph.RefID(s.Secret)
			}
			r, ok := v.(graph.Ref)
			if !ok || r.Component == c.ID {
				return
			}
			referenced[PascalCase(r.Component)] = true
			if target, ok := b.resolver.components[r.Component]; ok {
				if m := lookup(target.Kind); m != nil && m.DependencySuffix != "" {
					implied = append(implied, PascalCase(r.Component)+m.DependencySuffix)
				}
			}
		})
	}
	for _, p := range c.Properties {
		visit(p.Value)
	}
	visit(c.Name)

	var errs []error
	var wanted []string
	for _, id := range c.DependsOn {
		target, ok := b.resolver.components[id]
		if !ok {
			errs = append(errs, fmt.Errorf("depends on unknown component %q", id))
			continue
		}
		m := lookup(target.Kind)
		if m != nil && m.MergeInto != nil {
			// The values exist once the component they merge into does.
			// A broken reference is reported with the merged component.
			receiver, err := b.mergeTarget(target, m)
			if err != nil || receiver.ID == c.ID {
				continue
			}
			target = receiver
			m = lookup(target.Kind)
		}
		if m == nil || m.Unsupported != "" {
			// Nothing in the template stands for it; the missing kind is
			// reported where that component is rendered.
			continue
		}
		wanted = append(wanted, PascalCase(target.ID)+m.DependencySuffix)
	}
	wanted = append(wanted, implied...)

	var out []string
	seen := map[string]bool{}
	for _, id := range wanted {
		if seen[id] || referenced[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	switch len(out) {
	case 0:
		return nil, errors.Join(errs...)
	case 1:
		return out[0], errors.Join(errs...)
	default:
		return out, errors.Join(errs...)
	}
}

// outputs renders the Outputs section in graph order, each exported under
// the stack's name.
func (b *builder) outputs() (yaml.MapSlice, error) {
	var out yaml.MapSlice
	var errs []error
	// Outputs have their own namespace, apart from logical IDs.
	names := map[string]string{}
	for _, o := range b.g.Outputs {
		name, err := cfnName("output", o.Name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if previous, ok := names[name]; ok {
			errs = append(errs, fmt.Errorf("outputs %q and %q both become %q in CloudFormation", previous, o.Name, name))
			continue
		}
		names[name] = o.Name
		value, err := b.outputValue(o.Value)
		if err != nil {
			errs = append(errs, fmt.Errorf("output %q: %w", o.Name, err))
			continue
		}
		out = append(out, yaml.MapItem{Key: name, Value: output{
			Description: o.Description,
			Value:       value,
			// Exports let other stacks import the value; the stack name
			// prefix keeps two copies of the template from clashing.
			Export: export{Name: sub("${AWS::StackName}-" + name)},
		}})
	}
	return out, errors.Join(errs...)
}

// outputValue converts an output. Outputs must be strings, so a list (one
// subnet per zone, say) becomes a comma-separated !Join, which
// !Split [',', !ImportValue ...] undoes in the importing stack.
func (b *builder) outputValue(v graph.Value) (any, error) {
	list, ok := v.(graph.List)
	if !ok {
		return b.resolver.value(v)
	}
	parts := make([]intrinsic, len(list))
	for i, item := range list {
		converted, err := b.resolver.value(item)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
		switch converted := converted.(type) {
		case intrinsic:
			parts[i] = converted
		case string:
			parts[i] = literal(converted)
		default:
			return nil, fmt.Errorf("item %d: a list output can only hold strings and references, not %T", i, item)
		}
	}
	return join{delimiter: ",", parts: parts}, nil
}

// remedy fills in the commands of an unsupported kind for one component.
func remedy(m *TypeMapping, c *graph.Component) []string {
	vpc := "<vpc-logical-id>"
	if ref, ok := c.Property("vpc_id").(graph.Ref); ok {
		vpc = PascalCase(ref.Component)
	}
	out := make([]string, len(m.Remedy))
	for i, command := range m.Remedy {
		out[i] = strings.ReplaceAll(command, "{vpc}", vpc)
	}
	return out
}

// skippedComment says in prose what Metadata.Scaffold.Unsupported says as
// data, where a reader looking for the missing resource will look.
func skippedComment(skipped []unsupported) []string {
	var lines []string
	for i, s := range skipped {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, fmt.Sprintf(" Not in this template: %q (%s).", s.Component, s.Kind))
		lines = append(lines, " "+s.Reason)
		if len(s.Remedy) > 0 {
			lines = append(lines, " With STACK set to this stack's name, run:")
			for _, command := range s.Remedy {
				lines = append(lines, "   "+command)
			}
		}
	}
	return lines
}

// EncodeValue is how templates write s when it stands alone as a value (a
// parameter default, a tag value): as it is, or single-quoted when YAML
// would otherwise read it as something else ("no", "42"). The lab renderer
// uses it to put a student's values where the placeholders were.
func (*Generator) EncodeValue(s string) ([]byte, error) {
	out, err := yaml.MarshalWithOptions(s, encodeOptions...)
	if err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(out, []byte("\n")), nil
}
