package terraform

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// main writes main.tf: the graph's description, the data sources the values
// need, then one resource per component in graph order, so the file reads
// in the order the blueprint thought about the architecture.
func (r *renderer) main(w *fileWriter) error {
	if r.graph.Description != "" {
		w.comment(r.graph.Description)
	}
	r.dataSources(w)
	if len(r.graph.Components) == 0 {
		w.comment("This module has no resources.")
		return nil
	}
	var errs []error
	for i := range r.graph.Components {
		c := &r.graph.Components[i]
		// Each problem carries the component, so a message still says where
		// it is when a component has several.
		for _, err := range r.resource(w, r.resources[c.ID]) {
			errs = append(errs, fmt.Errorf("component %q (%s): %w", c.ID, c.Kind, err))
		}
	}
	return errors.Join(errs...)
}

// tfsecChecks maps each waivable rule, per kind, to the tfsec check that
// enforces it. A waiver without an entry here is an error, so a blueprint
// cannot believe it silenced a check that still fires.
//
// The IDs are the ones tfsec 1.26 prints and honours in ignore comments,
// found by scanning samples. The security group checks are filed under
// "vpc" there (AVD-AWS-0107 and AVD-AWS-0104); later releases moved them to
// "ec2" but kept the vpc names as aliases, while tfsec 1.26 ignores the ec2
// names. It does not scan the aws_vpc_security_group_*_rule types at all,
// so those directives document the exception for the scanners that do.
var tfsecChecks = map[graph.Kind]map[graph.Rule]string{
	graph.KindSNSTopic:             {graph.RuleCustomerManagedKey: "aws-sns-topic-encryption-use-cmk"},
	graph.KindSQSQueue:             {graph.RuleCustomerManagedKey: "aws-sqs-queue-encryption-use-cmk"},
	graph.KindLogGroup:             {graph.RuleCustomerManagedKey: "aws-cloudwatch-log-group-customer-key"},
	graph.KindLoadBalancer:         {graph.RulePublicLoadBalancer: "aws-elb-alb-not-public"},
	graph.KindLBListener:           {graph.RulePlainHTTP: "aws-elb-http-not-used"},
	graph.KindSecurityGroupIngress: {graph.RulePublicIngress: "aws-vpc-no-public-ingress-sgr"},
	graph.KindSecurityGroupEgress:  {graph.RulePublicEgress: "aws-vpc-no-public-egress-sgr"},
	graph.KindIAMRolePolicy:        {graph.RuleBroadDeployPermissions: "aws-iam-no-policy-wildcards"},
	// Performance Insights without a key of one's own trips
	// aws-rds-enable-performance-insights-encryption, which is why that
	// check stands for the customer-managed key rule on DB instances.
	graph.KindDBInstance: {
		graph.RulePerformanceInsights: "aws-rds-enable-performance-insights",
		graph.RuleCustomerManagedKey:  "aws-rds-enable-performance-insights-encryption",
	},
}

// waiverDirectives returns, for each waiver, a comment with its reason and
// the tfsec ignore directive that must sit right above the resource.
func waiverDirectives(c *graph.Component) ([]string, error) {
	var reasons, ignores []string
	for _, waiver := range c.Waivers {
		check, ok := tfsecChecks[c.Kind][waiver.Rule]
		if !ok {
			return nil, fmt.Errorf("no tfsec check known for waiving %q on %s", waiver.Rule, c.Kind)
		}
		if strings.TrimSpace(waiver.Reason) == "" {
			return nil, fmt.Errorf("waiver of %q has no reason", waiver.Rule)
		}
		reasons = append(reasons, "# Deliberate exception ("+check+"): "+strings.Join(strings.Fields(waiver.Reason), " "))
		ignores = append(ignores, "#tfsec:ignore:"+check)
	}
	return append(reasons, ignores...), nil
}

// resource writes one resource block: the component's properties in model
// order and the arguments its kind implies (attributes first, then nested
// blocks), the Name tag, the kind's note and depends_on, each group after a
// blank line as the Terraform style guide lays blocks out.
func (r *renderer) resource(w *fileWriter, res resource) []error {
	c, m := res.component, res.mapping
	var errs []error
	directives, err := waiverDirectives(c)
	if err != nil {
		errs = append(errs, err)
	}
	body := w.blockWithDirectives(c.Label, directives, "resource", m.Type, res.name)

	args := make([]argument, 0, len(c.Properties)+len(m.Implied))
	seen := make(map[string]bool, len(c.Properties))
	for _, p := range c.Properties {
		switch {
		case !slices.Contains(m.Properties, p.Name):
			errs = append(errs, fmt.Errorf("unknown property %q (%s takes %s)", p.Name, m.Kind, quoteAll(m.Properties)))
			continue
		case seen[p.Name]:
			errs = append(errs, fmt.Errorf("property %q set twice", p.Name))
			continue
		}
		seen[p.Name] = true
		args = append(args, argument{name: m.Argument(p.Name), context: fmt.Sprintf("property %q", p.Name), value: p.Value})
	}
	snapshot, err := finalSnapshotArguments(c, m)
	if err != nil {
		errs = append(errs, err)
	}
	args = append(args, snapshot...)
	for _, p := range m.Implied {
		args = append(args, argument{name: p.Name, context: fmt.Sprintf("implied argument %q", p.Name), value: p.Value})
	}
	errs = append(errs, r.writeArguments(body, m, "", 1, args)...)

	switch {
	case r.resourceTags:
		if err := r.resourceTagsArgument(body, res); err != nil {
			errs = append(errs, err)
		}
	case c.Name != nil:
		if err := r.nameTag(body, res); err != nil {
			errs = append(errs, err)
		}
	}
	if m.Note != "" {
		commentInBody(body, m.Note)
	}
	if ignored := ignoredArguments(c, m); len(ignored) > 0 {
		body.AppendNewline()
		lifecycle := body.AppendNewBlock("lifecycle", nil).Body()
		names := make([]hclwrite.Tokens, len(ignored))
		for i, name := range ignored {
			names[i] = hclwrite.TokensForIdentifier(name)
		}
		lifecycle.SetAttributeRaw("ignore_changes", tuple(names))
	}
	if len(c.DependsOn) > 0 {
		dependencies := make([]hclwrite.Tokens, 0, len(c.DependsOn))
		for _, id := range c.DependsOn {
			target, ok := r.resources[id]
			if !ok {
				errs = append(errs, fmt.Errorf("depends on unknown component %q", id))
				continue
			}
			dependencies = append(dependencies, hclwrite.TokensForTraversal(target.address()))
		}
		body.AppendNewline()
		body.SetAttributeRaw("depends_on", tuple(dependencies))
	}
	return errs
}

// finalSnapshotArguments renders a component's Retain for a kind that
// keeps final snapshots: skip_final_snapshot = false and a snapshot named
// after the component's identifier, or skip_final_snapshot = true. Kinds
// without such arguments delete their data with the resource, so only
// RetainNothing makes sense for them, and it needs no argument.
func finalSnapshotArguments(c *graph.Component, m *TypeMapping) ([]argument, error) {
	snapshot := m.FinalSnapshot
	if snapshot == nil {
		if c.Retain == graph.RetainSnapshot {
			return nil, fmt.Errorf("retains a snapshot, but %s takes no final snapshot", m.Type)
		}
		return nil, nil
	}
	context := fmt.Sprintf("retention %q", c.Retain)
	switch c.Retain {
	case graph.RetainNothing:
		return []argument{{name: snapshot.Skip, context: context, value: graph.Bool(true)}}, nil
	case graph.RetainSnapshot:
		from := c.Property(snapshot.From)
		if from == nil {
			return nil, fmt.Errorf("retains a snapshot, which is named after the %q property, but the component does not set it", snapshot.From)
		}
		return []argument{
			{name: snapshot.Skip, context: context, value: graph.Bool(false)},
			{name: snapshot.Identifier, context: context, value: graph.Join{from, graph.String(snapshot.Suffix)}},
		}, nil
	default:
		return nil, fmt.Errorf("%s must say what deleting it keeps: set Retain to %q or %q", m.Type, graph.RetainSnapshot, graph.RetainNothing)
	}
}

// ignoredArguments returns the kind's IgnoreChanges arguments that the
// component actually sets: ignoring an unset argument would say nothing.
func ignoredArguments(c *graph.Component, m *TypeMapping) []string {
	var names []string
	for _, name := range m.IgnoreChanges {
		if c.Property(name) != nil {
			names = append(names, m.Argument(name))
		}
	}
	return names
}

// nameTag writes tags = { Name = ... }. The graph's other tags are not
// repeated here: the provider's default_tags merges them in, and repeating
// them would make every plan show them twice in tags and tags_all.
//
// A Name on a kind that takes no tags is an error rather than something to
// drop: the blueprint asked for a name that would never appear in AWS.
func (r *renderer) nameTag(body *hclwrite.Body, res resource) error {
	name, err := r.nameExpression(res)
	if err != nil {
		return err
	}
	body.AppendNewline()
	body.SetAttributeRaw("tags", hclwrite.TokensForObject([]hclwrite.ObjectAttrTokens{
		{Name: hclwrite.TokensForIdentifier("Name"), Value: name},
	}))
	return nil
}

// nameExpression renders a component's Name for its Name tag.
func (r *renderer) nameExpression(res resource) (hclwrite.Tokens, error) {
	if !res.mapping.Tags {
		return nil, fmt.Errorf("has a Name, but %s takes no tags", res.mapping.Type)
	}
	switch v := res.component.Name.(type) {
	case graph.List, graph.Object, graph.Document, graph.Struct:
		return nil, fmt.Errorf("name: a %T cannot be a Name tag", v)
	}
	name, err := r.expression(res.component.Name)
	if err != nil {
		return nil, fmt.Errorf("name: %w", err)
	}
	return name, nil
}

// resourceTagsArgument writes the tags of a resource in module mode, where
// no provider default_tags reach it: merge(var.tags, { <graph tags>, Name
// = ... }), or var.tags alone when the graph has no tags and the component
// no Name. The graph's tags keep the graph's order (blueprints sort them
// by key) and the Name tag comes last, where normal mode writes it alone;
// a graph tag called Name yields to the component's Name, as it does in
// CloudFormation. merge lets later maps win, so the module's own tags beat
// the caller's on a shared key: the caller adds tags, it does not rename
// what the module built.
func (r *renderer) resourceTagsArgument(body *hclwrite.Body, res resource) error {
	c := res.component
	if !res.mapping.Tags {
		if c.Name != nil {
			return fmt.Errorf("has a Name, but %s takes no tags", res.mapping.Type)
		}
		return nil
	}
	var tags []graph.Tag
	for _, t := range r.graph.Tags {
		if t.Key == "Name" && c.Name != nil {
			continue
		}
		tags = append(tags, t)
	}
	attributes, err := tagAttributes(tags, func(t graph.Tag) (hclwrite.Tokens, error) {
		if t.Param == "" {
			return hclwrite.TokensForValue(cty.StringVal(t.Value)), nil
		}
		value, err := r.expression(graph.Param(t.Param))
		if err != nil {
			return nil, fmt.Errorf("tag %q: %w", t.Key, err)
		}
		return value, nil
	})
	if err != nil {
		return err
	}
	if c.Name != nil {
		name, err := r.nameExpression(res)
		if err != nil {
			return err
		}
		attributes = append(attributes, hclwrite.ObjectAttrTokens{Name: hclwrite.TokensForIdentifier("Name"), Value: name})
	}
	caller := hclwrite.TokensForTraversal(variable(tagsVariable))
	body.AppendNewline()
	if len(attributes) == 0 {
		body.SetAttributeRaw("tags", caller)
		return nil
	}
	body.SetAttributeRaw("tags", callTokens("merge", caller, objectTokens(attributes)))
	return nil
}

// quoteAll formats names for error messages: "a", "b".
func quoteAll(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(quoted, ", ")
}
