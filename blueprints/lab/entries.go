package lab

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// vpcKeys and fanoutKeys are the settings a lab file may give each
// blueprint: the blueprint command's flags, spelled with underscores,
// less those the lab decides (name, region, the CIDR block, tags and the
// output flags).
var (
	vpcKeys    = []string{"azs", "nat", "isolated_subnets", "flow_logs", "flow_log_retention", "endpoints", "prefix_length"}
	fanoutKeys = []string{"topic", "queues", "fifo", "content_dedup", "max_receive", "visibility_timeout", "retention", "raw_delivery", "kms", "alarm_email"}
)

// validationName stands in for the deploy name while a blueprint's
// settings are checked: names are checked per student (checkNames).
const validationName = "lab"

func (p *fileParser) blueprints(n ast.Node, region string) []BlueprintSpec {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		p.at(n, "blueprints must be a list such as [{vpc: {azs: 2}}, {fanout: {queues: [orders]}}], not %s", kind(n))
		return nil
	}
	if len(seq.Values) == 0 {
		p.at(n, "blueprints: the list is empty; add vpc, fanout or both")
		return nil
	}
	var out []BlueprintSpec
	seen := map[string]position{}
	for _, item := range seq.Values {
		name, settings, ok := p.entry(item)
		if !ok {
			continue
		}
		at := p.position(item)
		if first, dup := seen[name]; dup {
			p.atPosition(at, "blueprint %q is listed twice (first at %s); a student gets one of each", name, first)
			continue
		}
		seen[name] = at
		var spec BlueprintSpec
		if name == "vpc" {
			p.network = true
		}
		switch name {
		case "vpc":
			spec, ok = p.vpc(settings, region, at)
		case "fanout":
			spec, ok = p.fanout(settings, region, at)
		default:
			msg := fmt.Sprintf("blueprint %q cannot be part of a lab; a lab takes %s", name, strings.Join(Blueprints(), ", "))
			if near := closest(name, Blueprints()); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			p.atPosition(at, "%s", msg)
			continue
		}
		if ok {
			out = append(out, spec)
		}
	}
	return out
}

// entry reads one list item: "vpc", or a one-key mapping "vpc: {...}"
// whose value may be empty for the blueprint's defaults.
func (p *fileParser) entry(n ast.Node) (string, ast.Node, bool) {
	if name, ok := scalarText(n); ok {
		return name, nil, true
	}
	var values []*ast.MappingValueNode
	switch v := unwrap(n).(type) {
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{v}
	case *ast.MappingNode:
		values = v.Values
	}
	if len(values) != 1 {
		p.at(n, "each blueprints entry names one blueprint, such as `- vpc: {azs: 2}`")
		return "", nil, false
	}
	name, ok := scalarText(values[0].Key)
	if !ok {
		p.at(values[0].Key, "a blueprint name is a plain word such as vpc")
		return "", nil, false
	}
	value := values[0].Value
	if _, empty := unwrap(value).(*ast.NullNode); empty {
		value = nil
	}
	return name, value, true
}

// settings reads an entry's mapping; nil means no settings.
func (p *fileParser) settings(n ast.Node, what string, allowed []string) (fields, []string, bool) {
	if n == nil {
		return fields{values: map[string]ast.Node{}, keys: map[string]ast.Node{}}, nil, true
	}
	f, ok := p.mapping(n, what, allowed)
	if !ok {
		return f, nil, false
	}
	var order []string
	for _, k := range allowed {
		if v, set := f.values[k]; set {
			order = append(order, fmt.Sprintf("%d\x00%s=%s", lineOf(v), k, settingText(v)))
		}
	}
	slices.Sort(order)
	for i, o := range order {
		order[i] = o[strings.IndexByte(o, 0)+1:]
	}
	return f, order, true
}

func lineOf(n ast.Node) int {
	if t := n.GetToken(); t != nil && t.Position != nil {
		return t.Position.Line*100000 + t.Position.Column
	}
	return 0
}

// settingText is a setting as the README shows it.
func settingText(n ast.Node) string {
	if s, ok := scalarText(n); ok {
		return s
	}
	if seq, ok := unwrap(n).(*ast.SequenceNode); ok {
		var items []string
		for _, item := range seq.Values {
			s, _ := scalarText(item)
			items = append(items, s)
		}
		return strings.Join(items, ",")
	}
	return "…"
}

// report turns a blueprint's validation errors into file errors at the
// key each one names, or at the entry when the file did not set it.
func (p *fileParser) report(err error, blueprint string, f fields, at position) {
	if err == nil {
		return
	}
	var list []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		list = joined.Unwrap()
	} else {
		list = []error{err}
	}
	for _, e := range list {
		var pe *blueprints.ParamError
		if !errors.As(e, &pe) {
			p.atPosition(at, "%s: %v", blueprint, e)
			continue
		}
		key := keyOf(pe.Param)
		if key == "region" && p.badRegion {
			continue
		}
		msg := fmt.Sprintf("%s: %s %q: %s", blueprint, key, pe.Value, pe.Reason)
		switch {
		case key == "region":
			msg = fmt.Sprintf("%s: region %q: %s", blueprint, pe.Value, pe.Reason)
		case f.keys[key] != nil:
			p.at(f.keys[key], "%s", msg)
			continue
		}
		p.atPosition(at, "%s", msg)
	}
}

func (p *fileParser) vpc(n ast.Node, region string, at position) (BlueprintSpec, bool) {
	f, settings, ok := p.settings(n, "vpc", vpcKeys)
	if !ok {
		return BlueprintSpec{}, false
	}
	params := vpc.Defaults()
	params.Name, params.Region = validationName, region
	bits := DefaultBlockBits
	before := len(p.errs)
	for _, k := range vpcKeys {
		v, set := f.values[k]
		if !set {
			continue
		}
		switch k {
		case "azs":
			params.AZs, _ = p.integer(v, k)
		case "nat":
			text, _ := p.str(v, k)
			params.NAT = vpc.NATMode(text)
		case "isolated_subnets":
			params.Isolated, _ = p.boolean(v, k)
		case "flow_logs":
			params.FlowLogs, _ = p.boolean(v, k)
		case "flow_log_retention":
			params.FlowLogRetentionDays, _ = p.integer(v, k)
		case "endpoints":
			list, _ := p.list(v, k)
			if len(list) == 1 && list[0] == "none" {
				list = nil
			}
			params.Endpoints = list
		case "prefix_length":
			if b, ok := p.integer(v, k); ok {
				lo, hi := blockBitsRange()
				if b < lo || b > hi {
					p.at(v, "vpc: prefix_length %d: every student's VPC block must be /%d to /%d", b, lo, hi)
				} else {
					bits = b
				}
			}
		}
	}
	if len(p.errs) > before {
		return BlueprintSpec{}, false
	}
	params.CIDR = graph.PlaceholderCIDR(bits)
	errs := params.Validate()
	p.report(errs, "vpc", f, at)
	return BlueprintSpec{Name: "vpc", VPC: &params, BlockBits: bits, Settings: settings}, errs == nil
}

func (p *fileParser) fanout(n ast.Node, region string, at position) (BlueprintSpec, bool) {
	f, settings, ok := p.settings(n, "fanout", fanoutKeys)
	if !ok {
		return BlueprintSpec{}, false
	}
	params := fanout.Defaults()
	params.Name, params.Region = validationName, region
	before := len(p.errs)
	duration := func(v ast.Node, k string) (d int64, ok bool) {
		text, ok := p.str(v, k)
		if !ok {
			return 0, false
		}
		parsed, err := blueprints.ParseDuration(text)
		if err != nil {
			p.at(v, "fanout: %s %q: %v", k, text, err)
			return 0, false
		}
		return int64(parsed), true
	}
	for _, k := range fanoutKeys {
		v, set := f.values[k]
		if !set {
			continue
		}
		switch k {
		case "topic":
			params.Topic, _ = p.str(v, k)
		case "queues":
			params.Queues, _ = p.list(v, k)
		case "fifo":
			params.FIFO, _ = p.boolean(v, k)
		case "content_dedup":
			params.ContentDedup, _ = p.boolean(v, k)
		case "max_receive":
			params.MaxReceive, _ = p.integer(v, k)
		case "visibility_timeout":
			if d, ok := duration(v, k); ok {
				params.VisibilityTimeout = time.Duration(d)
			}
		case "retention":
			if d, ok := duration(v, k); ok {
				params.Retention = time.Duration(d)
			}
		case "raw_delivery":
			params.RawDelivery, _ = p.boolean(v, k)
		case "kms":
			params.KMS, _ = p.boolean(v, k)
		case "alarm_email":
			params.AlarmEmail, _ = p.str(v, k)
		}
	}
	if len(p.errs) > before {
		return BlueprintSpec{}, false
	}
	errs := params.Validate()
	p.report(errs, "fanout", f, at)
	return BlueprintSpec{Name: "fanout", Fanout: &params, Settings: settings}, errs == nil
}
