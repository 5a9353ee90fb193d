package cloudformation

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// collectMerges reads every component of a MergeInto kind and files its
// values under the component it merges into, in graph order, so that the
// receiving resource lists them in the order the blueprint added them.
func (b *builder) collectMerges() error {
	var errs []error
	for i := range b.g.Components {
		c := &b.g.Components[i]
		m := lookup(c.Kind)
		if m == nil || m.MergeInto == nil {
			continue
		}
		target, err := b.mergeTarget(c, m)
		if err != nil {
			errs = append(errs, fmt.Errorf("component %q: %w", c.ID, err))
			continue
		}
		for _, p := range c.Properties {
			if p.Name == m.MergeInto.Reference || m.omitted(c, p.Name) {
				continue
			}
			i := slices.IndexFunc(m.MergeInto.Properties, func(pm PropertyMapping) bool { return pm.Name == p.Name })
			if i < 0 {
				errs = append(errs, fmt.Errorf("component %q: property %q has no CloudFormation mapping for kind %q", c.ID, p.Name, c.Kind))
				continue
			}
			b.merges[target.ID] = append(b.merges[target.ID], merged{
				name: p.Name, property: m.MergeInto.Properties[i].Property, value: p.Value, from: c, merge: m.MergeInto,
			})
		}
	}
	return errors.Join(errs...)
}

// mergeTarget is the component a component of a MergeInto kind adds its
// values to: the one its reference property names, which must be of the
// kind the mapping expects.
func (b *builder) mergeTarget(c *graph.Component, m *TypeMapping) (*graph.Component, error) {
	r, ok := c.Property(m.MergeInto.Reference).(graph.Ref)
	if !ok {
		return nil, fmt.Errorf("property %q must reference the %s that CloudFormation adds it to", m.MergeInto.Reference, m.MergeInto.Kind)
	}
	target, ok := b.resolver.components[r.Component]
	if !ok {
		return nil, fmt.Errorf("property %q: reference to unknown component %q", m.MergeInto.Reference, r.Component)
	}
	if target.Kind != m.MergeInto.Kind {
		return nil, fmt.Errorf("property %q references component %q of kind %q, but kind %q merges into a %s",
			m.MergeInto.Reference, target.ID, target.Kind, c.Kind, m.MergeInto.Kind)
	}
	return target, nil
}

// addMerged adds the values other components merge into c, after c's own
// properties: appended items go after c's own items, placed values where
// their paths say. Each is headed by the label of the component it comes
// from, which has no resource of its own to carry that comment.
func (b *builder) addMerged(c *graph.Component, logicalID string, properties *object) error {
	var errs []error
	var wraps []string
	for _, item := range b.merges[c.ID] {
		if !item.merge.Append {
			// The merged kind's table is the scope, so its Struct keys
			// are translated by its own entries, as a resource's are.
			scope := scope{mapping: &ResourceMapping{Properties: item.merge.Properties}, target: properties}
			if err := b.place(scope, item.name, item.property, item.value); err != nil {
				errs = append(errs, fmt.Errorf("value merged from component %q: %w", item.from.ID, err))
				continue
			}
			path := "$.Resources." + logicalID + ".Properties." + strings.Split(item.property, ".")[0]
			if _, ok := b.comments[path]; !ok && item.from.Label != "" {
				b.comments[path] = labelComment(item.from.Label)
			}
			wraps = append(wraps, item.merge.ListProperties...)
			continue
		}
		value, err := b.resolver.value(item.value)
		if err != nil {
			errs = append(errs, fmt.Errorf("value merged from component %q: %w", item.from.ID, err))
			continue
		}
		index, err := properties.appendTo(item.property, value)
		if err != nil {
			errs = append(errs, fmt.Errorf("value merged from component %q %w", item.from.ID, err))
			continue
		}
		if item.from.Label != "" {
			path := "$.Resources." + logicalID + ".Properties." + item.property + "[" + strconv.Itoa(index) + "]"
			b.comments[path] = labelComment(item.from.Label)
		}
	}
	// A list may be named by several merged components; wrapping it twice
	// would nest it.
	slices.Sort(wraps)
	for _, path := range slices.Compact(wraps) {
		properties.wrap(path)
	}
	return errors.Join(errs...)
}
