package validate

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/scaffold-iac/scaffold/schemas"
)

// CloudFormation checks one YAML template held in memory. name is the file
// name findings carry. Findings come back sorted.
func CloudFormation(name string, src []byte) []Finding {
	spec, err := schemas.CloudFormation()
	if err != nil {
		return []Finding{{File: name, Message: fmt.Sprintf("loading the CloudFormation resource specification: %v", err)}}
	}
	c := &cfnChecker{spec: spec, file: name}
	c.check(src)
	return sortFindings(c.findings)
}

// cfnChecker accumulates findings while checking one template.
type cfnChecker struct {
	spec     *schemas.CFNSpec
	file     string
	findings []Finding

	parameters map[string]*cfnNode // by name: the parameter's mapping
	resources  map[string]*cfnResource
	conditions map[string]bool
	mappings   map[string]*cfnNode
	transforms []string
}

// cfnResource is one entry of Resources.
type cfnResource struct {
	name     string
	typeName string
	spec     *schemas.ResourceType // nil for unknown and custom types
	custom   bool                  // Custom::* or AWS::CloudFormation::CustomResource
}

// addf records a finding at a node's position.
func (c *cfnChecker) addf(line, column int, format string, args ...any) {
	c.findings = append(c.findings, Finding{File: c.file, Line: line, Column: column, Message: fmt.Sprintf(format, args...)})
}

// at records a finding at n.
func (c *cfnChecker) at(n *cfnNode, format string, args ...any) {
	c.addf(n.line, n.column, format, args...)
}

// atKey records a finding at a mapping key.
func (c *cfnChecker) atKey(k *cfnKey, format string, args ...any) {
	c.addf(k.line, k.column, format, args...)
}

// topLevelKeys are the sections a template may have.
var topLevelKeys = setOf(
	"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
	"Conditions", "Transform", "Resources", "Outputs",
)

// samTransform is the transform that AWS::Serverless types need.
const samTransform = "AWS::Serverless-2016-10-31"

// logicalIDPattern is what CloudFormation accepts as a logical ID or
// parameter name; cfn-lint rejects anything else.
var logicalIDPattern = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// check parses and checks the template.
func (c *cfnChecker) check(src []byte) {
	file, err := parser.ParseBytes(src, 0)
	if err != nil {
		var syntax *yaml.SyntaxError
		if errors.As(err, &syntax) && syntax.Token != nil {
			c.addf(syntax.Token.Position.Line, syntax.Token.Position.Column, "syntax error: %s", syntax.Message)
		} else {
			c.addf(0, 0, "syntax error: %v", err)
		}
		return
	}
	switch {
	case len(file.Docs) == 0 || (len(file.Docs) == 1 && file.Docs[0].Body == nil):
		c.addf(0, 0, "the template is empty")
		return
	case len(file.Docs) > 1:
		c.addf(0, 0, "a template must be one YAML document, not %d", len(file.Docs))
		return
	}
	conv := &yamlConverter{report: c.addf}
	root := conv.convert(file.Docs[0])
	if root.kind != cfnMap {
		c.at(root, "a template must be a mapping of sections (Resources, Outputs, ...)")
		return
	}
	c.collect(root)
	for _, k := range root.keys {
		// Globals is a section of the SAM transform, which removes it.
		if k.name == "Globals" && slices.Contains(c.transforms, samTransform) {
			continue
		}
		if !topLevelKeys[k.name] {
			c.atKey(k, "unknown template section %q%s", k.name, didYouMean(k.name, sortedKeys(topLevelKeys)))
		}
	}
	if v := root.get("AWSTemplateFormatVersion"); v != nil {
		if text, _ := v.isString(); text != "2010-09-09" {
			c.at(v, `AWSTemplateFormatVersion must be "2010-09-09", not %s`, v.describe())
		}
	}

	c.checkParameters(root.get("Parameters"))
	c.checkConditions(root.get("Conditions"))
	c.checkResources(root)
	c.checkOutputs(root.get("Outputs"))
}

// collect records the names the template declares, so that references can
// be resolved in any order.
func (c *cfnChecker) collect(root *cfnNode) {
	c.parameters = make(map[string]*cfnNode)
	c.resources = make(map[string]*cfnResource)
	c.conditions = make(map[string]bool)
	c.mappings = make(map[string]*cfnNode)

	if params := root.get("Parameters"); params != nil && params.kind == cfnMap {
		for _, k := range params.keys {
			c.parameters[k.name] = k.value
		}
	}
	if conds := root.get("Conditions"); conds != nil && conds.kind == cfnMap {
		for _, k := range conds.keys {
			c.conditions[k.name] = true
		}
	}
	if maps := root.get("Mappings"); maps != nil && maps.kind == cfnMap {
		for _, k := range maps.keys {
			c.mappings[k.name] = k.value
		}
	}
	if t := root.get("Transform"); t != nil {
		if name, ok := t.isString(); ok {
			c.transforms = append(c.transforms, name)
		}
		for _, item := range t.items {
			if name, ok := item.isString(); ok {
				c.transforms = append(c.transforms, name)
			}
		}
	}
	if resources := root.get("Resources"); resources != nil && resources.kind == cfnMap {
		for _, k := range resources.keys {
			r := &cfnResource{name: k.name}
			if typeName, ok := k.value.get("Type").isString(); ok {
				r.typeName = typeName
				r.custom = strings.HasPrefix(typeName, "Custom::") || typeName == "AWS::CloudFormation::CustomResource"
				if !r.custom {
					r.spec, _ = c.spec.ResourceType(typeName)
				}
			}
			c.resources[k.name] = r
		}
	}
}

// parameterKeys are the keys a parameter may have.
var parameterKeys = setOf(
	"Type", "Default", "Description", "AllowedValues", "AllowedPattern", "ConstraintDescription",
	"MaxLength", "MinLength", "MaxValue", "MinValue", "NoEcho",
)

// checkParameters checks the Parameters section.
func (c *cfnChecker) checkParameters(params *cfnNode) {
	if params == nil {
		return
	}
	if params.kind != cfnMap {
		c.at(params, "Parameters must be a mapping of parameter names to definitions")
		return
	}
	for _, k := range params.keys {
		subject := fmt.Sprintf("parameter %q", k.name)
		if !logicalIDPattern.MatchString(k.name) {
			c.atKey(k, "%s: name must be alphanumeric (A-Z, a-z, 0-9)", subject)
		}
		def := k.value
		if def.kind != cfnMap {
			c.at(def, "%s: must be a mapping with at least a Type", subject)
			continue
		}
		for _, pk := range def.keys {
			if !parameterKeys[pk.name] {
				c.atKey(pk, "%s: unknown key %q%s", subject, pk.name, didYouMean(pk.name, sortedKeys(parameterKeys)))
			}
		}
		typeNode := def.get("Type")
		if typeNode == nil {
			c.atKey(k, "%s: Type is missing", subject)
		} else if typeName, _ := typeNode.isString(); !validParameterType(typeName) {
			c.at(typeNode, "%s: unknown parameter type %s", subject, typeNode.describe())
		}
		c.checkParameterDefault(subject, def)
	}
}

// checkParameterDefault checks that a literal Default is one of the
// literal AllowedValues.
func (c *cfnChecker) checkParameterDefault(subject string, def *cfnNode) {
	defaultNode, allowed := def.get("Default"), def.get("AllowedValues")
	if defaultNode == nil || allowed == nil || allowed.kind != cfnSeq {
		return
	}
	text, ok := defaultNode.isString()
	if !ok {
		return
	}
	var values []string
	for _, item := range allowed.items {
		if v, ok := item.isString(); ok {
			values = append(values, v)
		}
	}
	if !slices.Contains(values, text) {
		c.at(defaultNode, "%s: Default %q is not one of AllowedValues", subject, text)
	}
}

// awsParameterTypes are the AWS-specific parameter types, which may also
// appear inside List<...> and AWS::SSM::Parameter::Value<...>.
var awsParameterTypes = setOf(
	"AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id", "AWS::EC2::Instance::Id",
	"AWS::EC2::KeyPair::KeyName", "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id",
	"AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id", "AWS::EC2::VPC::Id", "AWS::Route53::HostedZone::Id",
)

// validParameterType reports whether CloudFormation accepts t as a
// parameter type.
func validParameterType(t string) bool {
	switch {
	case t == "String" || t == "Number" || t == "CommaDelimitedList" || t == "List<Number>" ||
		t == "AWS::SSM::Parameter::Name" || awsParameterTypes[t]:
		return true
	case strings.HasPrefix(t, "List<") && strings.HasSuffix(t, ">"):
		return awsParameterTypes[t[len("List<"):len(t)-1]]
	case strings.HasPrefix(t, "AWS::SSM::Parameter::Value<") && strings.HasSuffix(t, ">"):
		inner := t[len("AWS::SSM::Parameter::Value<") : len(t)-1]
		return inner == "String" || inner == "List<String>" || inner == "CommaDelimitedList" || validParameterType(inner)
	}
	return false
}

// isListParameter reports whether a parameter's Ref yields a list.
func (c *cfnChecker) isListParameter(name string) bool {
	typeName, _ := c.parameters[name].get("Type").isString()
	return strings.HasPrefix(typeName, "List<") || typeName == "CommaDelimitedList" ||
		strings.HasPrefix(typeName, "AWS::SSM::Parameter::Value<List<") ||
		typeName == "AWS::SSM::Parameter::Value<CommaDelimitedList>"
}

// checkConditions checks the Conditions section: each condition is a
// condition function whose references are parameters.
func (c *cfnChecker) checkConditions(conds *cfnNode) {
	if conds == nil {
		return
	}
	if conds.kind != cfnMap {
		c.at(conds, "Conditions must be a mapping of condition names to conditions")
		return
	}
	for _, k := range conds.keys {
		if !logicalIDPattern.MatchString(k.name) {
			c.atKey(k, "condition %q: name must be alphanumeric (A-Z, a-z, 0-9)", k.name)
		}
		if !isConditionFunction(k.value) {
			c.at(k.value, "condition %q: must be Fn::And, Fn::Equals, Fn::Not, Fn::Or or Condition, not %s", k.name, k.value.describe())
		}
		c.checkIntrinsics(intrinsicContext{inConditions: true}, k.value)
	}
}

// isConditionFunction reports whether n is a function that yields a
// condition.
func isConditionFunction(n *cfnNode) bool {
	if n.kind == cfnMap && len(n.keys) == 1 && n.keys[0].name == "Condition" {
		return true
	}
	return n.kind == cfnFunc && (n.fn == "Fn::And" || n.fn == "Fn::Equals" || n.fn == "Fn::Not" || n.fn == "Fn::Or" || n.fn == "Condition")
}

// resourceKeys are the keys a resource may have.
var resourceKeys = setOf(
	"Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy",
	"Metadata", "CreationPolicy", "UpdatePolicy",
)

// deletionPolicies are the values of DeletionPolicy and UpdateReplacePolicy.
var deletionPolicies = []string{"Delete", "Retain", "RetainExceptOnCreate", "Snapshot"}

// checkResources checks the Resources section.
func (c *cfnChecker) checkResources(root *cfnNode) {
	resources := root.get("Resources")
	if resources == nil {
		c.addf(1, 1, "the template has no Resources section")
		return
	}
	if resources.kind != cfnMap || len(resources.keys) == 0 {
		c.at(resources, "Resources must be a non-empty mapping of logical IDs to resources")
		return
	}
	for _, k := range resources.keys {
		c.checkResource(k, c.resources[k.name])
	}
}

// checkResource checks one resource.
func (c *cfnChecker) checkResource(k *cfnKey, r *cfnResource) {
	if strings.HasPrefix(k.name, "Fn::ForEach::") && slices.Contains(c.transforms, "AWS::LanguageExtensions") {
		return // a loop that the transform expands; its body is a template fragment
	}
	if !logicalIDPattern.MatchString(k.name) {
		c.atKey(k, "resource %q: logical ID must be alphanumeric (A-Z, a-z, 0-9)", k.name)
	}
	def := k.value
	if def.kind != cfnMap {
		c.at(def, "resource %q: must be a mapping with Type and Properties", k.name)
		return
	}
	subject := k.name
	if r.typeName != "" {
		subject = fmt.Sprintf("%s (%s)", k.name, r.typeName)
	}
	for _, rk := range def.keys {
		if !resourceKeys[rk.name] {
			c.atKey(rk, "%s: unknown resource key %q%s", subject, rk.name, didYouMean(rk.name, sortedKeys(resourceKeys)))
		}
	}

	typeNode := def.get("Type")
	switch {
	case typeNode == nil:
		c.atKey(k, "%s: Type is missing", subject)
	case r.typeName == "":
		c.at(typeNode, "%s: Type must be a string, not %s", subject, typeNode.describe())
	case r.spec == nil && !r.custom:
		c.at(typeNode, "%s: unknown resource type %q%s", subject, r.typeName, didYouMean(r.typeName, c.spec.ResourceTypes()))
	case r.spec != nil && r.spec.RequiredTransform != "" && !slices.Contains(c.transforms, r.spec.RequiredTransform):
		c.at(typeNode, "%s: this type needs Transform: %s", subject, r.spec.RequiredTransform)
	}

	if cond := def.key("Condition"); cond != nil {
		c.checkConditionName(subject, cond.value)
	}
	if deps := def.get("DependsOn"); deps != nil {
		c.checkDependsOn(subject, k.name, deps)
	}
	for _, policyKey := range []string{"DeletionPolicy", "UpdateReplacePolicy"} {
		policy := def.get(policyKey)
		if policy == nil || policy.kind == cfnFunc {
			continue
		}
		if text, _ := policy.isString(); !slices.Contains(deletionPolicies, text) {
			c.at(policy, "%s: %s must be one of %s, not %s", subject, policyKey, quoteList(deletionPolicies), policy.describe())
		}
	}
	for _, section := range []string{"Metadata", "CreationPolicy", "UpdatePolicy"} {
		if v := def.get(section); v != nil {
			c.checkIntrinsics(intrinsicContext{}, v)
		}
	}

	props := def.get("Properties")
	if props != nil {
		c.checkIntrinsics(intrinsicContext{}, props)
	}
	c.checkProperties(subject, k, r, props)
}

// checkConditionName checks a Condition key of a resource or output.
func (c *cfnChecker) checkConditionName(subject string, n *cfnNode) {
	name, ok := n.isString()
	if !ok {
		c.at(n, "%s: Condition must be the name of a condition, not %s", subject, n.describe())
		return
	}
	if !c.conditions[name] {
		c.at(n, "%s: condition %q is not declared in Conditions%s", subject, name, didYouMean(name, sortedKeys(c.conditions)))
	}
}

// checkDependsOn checks that DependsOn names other resources.
func (c *cfnChecker) checkDependsOn(subject, self string, deps *cfnNode) {
	targets := []*cfnNode{deps}
	if deps.kind == cfnSeq {
		targets = deps.items
	}
	for _, target := range targets {
		name, ok := target.isString()
		switch {
		case !ok:
			c.at(target, "%s: DependsOn must list logical IDs of resources, not %s", subject, target.describe())
		case name == self:
			c.at(target, "%s: a resource cannot depend on itself", subject)
		case c.resources[name] == nil:
			c.at(target, "%s: DependsOn %q is not a resource in this template%s", subject, name, didYouMean(name, sortedKeys(c.resources)))
		}
	}
}

// outputKeys are the keys an output may have.
var outputKeys = setOf("Value", "Description", "Export", "Condition")

// checkOutputs checks the Outputs section.
func (c *cfnChecker) checkOutputs(outputs *cfnNode) {
	if outputs == nil {
		return
	}
	if outputs.kind != cfnMap {
		c.at(outputs, "Outputs must be a mapping of output names to outputs")
		return
	}
	for _, k := range outputs.keys {
		subject := fmt.Sprintf("output %q", k.name)
		if !logicalIDPattern.MatchString(k.name) {
			c.atKey(k, "%s: name must be alphanumeric (A-Z, a-z, 0-9)", subject)
		}
		def := k.value
		if def.kind != cfnMap {
			c.at(def, "%s: must be a mapping with a Value", subject)
			continue
		}
		for _, ok := range def.keys {
			if !outputKeys[ok.name] {
				c.atKey(ok, "%s: unknown key %q%s", subject, ok.name, didYouMean(ok.name, sortedKeys(outputKeys)))
			}
		}
		value := def.key("Value")
		if value == nil {
			c.atKey(k, "%s: Value is missing", subject)
		} else if value.value.kind == cfnNull {
			c.atKey(value, "%s: Value is empty", subject)
		}
		if export := def.key("Export"); export != nil && export.value.get("Name") == nil {
			c.atKey(export, "%s: Export needs a Name", subject)
		}
		if cond := def.key("Condition"); cond != nil {
			c.checkConditionName(subject, cond.value)
		}
		c.checkIntrinsics(intrinsicContext{}, def)
	}
}

// quoteList renders values as "a", "b", "c".
func quoteList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(quoted, ", ")
}
