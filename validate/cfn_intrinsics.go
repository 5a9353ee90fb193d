package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/schemas"
)

// pseudoParameters are the names !Ref accepts besides parameters and
// resources.
var pseudoParameters = setOf(
	"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
	"AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
)

// intrinsicContext is where in the template a function appears.
type intrinsicContext struct {
	// inConditions is set inside the Conditions section (and inside
	// condition functions), where Ref may name only parameters.
	inConditions bool
}

// functionShape is the list argument a function takes.
type functionShape struct {
	min, max int
	form     string
}

// functionShapes are the functions that take a list, and its length.
var functionShapes = map[string]functionShape{
	"Fn::And":       {2, 10, "[condition, condition, ...] with 2 to 10 conditions"},
	"Fn::Cidr":      {3, 3, "[ip block, count, cidr bits]"},
	"Fn::Equals":    {2, 2, "[value, value]"},
	"Fn::FindInMap": {3, 4, "[map name, top-level key, second-level key]"},
	"Fn::If":        {3, 3, "[condition name, value if true, value if false]"},
	"Fn::Join":      {2, 2, "[delimiter, [values]]"},
	"Fn::Not":       {1, 1, "[condition]"},
	"Fn::Or":        {2, 10, "[condition, condition, ...] with 2 to 10 conditions"},
	"Fn::Select":    {2, 2, "[index, list]"},
	"Fn::Split":     {2, 2, "[delimiter, string]"},
}

// languageExtensionFunctions need Transform: AWS::LanguageExtensions.
var languageExtensionFunctions = setOf("Fn::Length", "Fn::ToJsonString")

// knownFunctions are all intrinsic functions a template may use.
var knownFunctions = setOf(
	"Ref", "Condition", "Fn::And", "Fn::Base64", "Fn::Cidr", "Fn::Equals", "Fn::FindInMap", "Fn::GetAZs",
	"Fn::GetAtt", "Fn::If", "Fn::ImportValue", "Fn::Join", "Fn::Length", "Fn::Not", "Fn::Or",
	"Fn::Select", "Fn::Split", "Fn::Sub", "Fn::ToJsonString", "Fn::Transform",
)

// checkIntrinsics checks every intrinsic function in n and below.
func (c *cfnChecker) checkIntrinsics(ctx intrinsicContext, n *cfnNode) {
	switch n.kind {
	case cfnMap:
		if ctx.inConditions && len(n.keys) == 1 && n.keys[0].name == "Condition" {
			c.checkConditionRef("Condition", n.keys[0].value)
			return
		}
		for _, k := range n.keys {
			c.checkIntrinsics(ctx, k.value)
		}
	case cfnSeq:
		for _, item := range n.items {
			c.checkIntrinsics(ctx, item)
		}
	case cfnFunc:
		c.checkFunction(ctx, n)
	}
}

// checkFunction checks one intrinsic function and its arguments.
func (c *cfnChecker) checkFunction(ctx intrinsicContext, n *cfnNode) {
	if !knownFunctions[n.fn] {
		c.at(n, "unknown intrinsic function %q%s", n.fn, didYouMean(n.fn, sortedKeys(knownFunctions)))
		return
	}
	if languageExtensionFunctions[n.fn] && !slices.Contains(c.transforms, "AWS::LanguageExtensions") {
		c.at(n, "%s needs Transform: AWS::LanguageExtensions", n.display())
	}
	if shape, ok := functionShapes[n.fn]; ok {
		if n.arg.kind != cfnSeq || len(n.arg.items) < shape.min || len(n.arg.items) > shape.max {
			c.at(n, "%s takes a list: %s", n.display(), shape.form)
			return
		}
	}
	args := n.arg.items
	switch n.fn {
	case "Ref":
		target, ok := n.arg.isString()
		if !ok {
			c.at(n, "%s needs the name of a parameter, resource or pseudo parameter, not %s", n.display(), n.arg.describe())
			return
		}
		c.checkRefTarget(ctx, n, n.display()+" "+target, target)
		return
	case "Condition":
		c.checkConditionRef(n.display(), n.arg)
		return
	case "Fn::GetAtt":
		c.checkGetAtt(ctx, n)
		return
	case "Fn::Sub":
		c.checkSub(ctx, n)
		return
	case "Fn::If":
		c.checkConditionRef(n.display(), args[0])
	case "Fn::And", "Fn::Or", "Fn::Not":
		for _, cond := range args {
			if !isConditionFunction(cond) {
				c.at(cond, "%s takes conditions (Fn::Equals, Condition, ...), not %s", n.display(), cond.describe())
			}
		}
		ctx.inConditions = true
	case "Fn::FindInMap":
		c.checkFindInMap(n)
	case "Fn::Join":
		if args[1].kind != cfnSeq && args[1].kind != cfnFunc {
			c.at(args[1], "%s: the values to join must be a list, not %s", n.display(), args[1].describe())
		}
	}
	c.checkIntrinsics(ctx, n.arg)
}

// checkRefTarget checks that a Ref (or a ${Name} in Fn::Sub) names a
// parameter, a resource or a pseudo parameter. what is how the reference
// was written, for the message.
func (c *cfnChecker) checkRefTarget(ctx intrinsicContext, at *cfnNode, what, target string) {
	_, isParam := c.parameters[target]
	switch {
	case isParam || pseudoParameters[target]:
	case c.resources[target] != nil && ctx.inConditions:
		c.at(at, "%s: conditions can refer only to parameters and pseudo parameters, and %q is a resource", what, target)
	case c.resources[target] != nil:
	default:
		candidates := append(sortedKeys(c.parameters), sortedKeys(c.resources)...)
		candidates = append(candidates, sortedKeys(pseudoParameters)...)
		c.at(at, "%s: %q is not a parameter, resource or pseudo parameter%s", what, target, didYouMean(target, candidates))
	}
}

// checkConditionRef checks that n names a declared condition.
func (c *cfnChecker) checkConditionRef(what string, n *cfnNode) {
	name, ok := n.isString()
	if !ok {
		c.at(n, "%s needs the name of a condition, not %s", what, n.describe())
		return
	}
	if !c.conditions[name] {
		c.at(n, "%s %s: condition %q is not declared in Conditions%s", what, name, name, didYouMean(name, sortedKeys(c.conditions)))
	}
}

// checkGetAtt checks Fn::GetAtt in either form: "Resource.Attribute" or
// [Resource, Attribute].
func (c *cfnChecker) checkGetAtt(ctx intrinsicContext, n *cfnNode) {
	var resource, attribute string
	switch n.arg.kind {
	case cfnScalar:
		resource, attribute, _ = strings.Cut(n.arg.text, ".")
	case cfnSeq:
		if len(n.arg.items) != 2 {
			break
		}
		resource, _ = n.arg.items[0].isString()
		if n.arg.items[1].kind == cfnFunc {
			// The attribute is computed (!Ref AttrParam): check the
			// function, and the resource alone.
			c.checkIntrinsics(ctx, n.arg.items[1])
			attribute = "*"
		} else {
			attribute, _ = n.arg.items[1].isString()
		}
	}
	if resource == "" || attribute == "" {
		c.at(n, "%s takes Resource.Attribute or [Resource, Attribute], not %s", n.display(), n.arg.describe())
		return
	}
	what := n.display() + " " + resource + "." + attribute
	if attribute == "*" {
		what = n.display() + " " + resource
	}
	c.checkAttribute(n, what, resource, attribute)
}

// checkAttribute checks that resource is declared and that its type has
// the attribute ("*" means the attribute is not known statically).
func (c *cfnChecker) checkAttribute(at *cfnNode, what, resource, attribute string) {
	r := c.resources[resource]
	if r == nil {
		if _, isParam := c.parameters[resource]; isParam {
			c.at(at, "%s: %q is a parameter, not a resource; use !Ref", what, resource)
			return
		}
		c.at(at, "%s: %q is not a resource in this template%s", what, resource, didYouMean(resource, sortedKeys(c.resources)))
		return
	}
	if r.spec == nil || attribute == "*" || hasAttribute(r, attribute) {
		return
	}
	c.at(at, "%s: %s has no attribute %q%s", what, r.typeName, attribute, didYouMean(attribute, sortedKeys(r.spec.Attributes)))
}

// hasAttribute reports whether Fn::GetAtt can read attribute from r. The
// specification lists dotted names ("Endpoint.Address") as they are used;
// a stack's outputs are open-ended, and below an object-valued attribute
// any path is left to CloudFormation.
func hasAttribute(r *cfnResource, attribute string) bool {
	if _, ok := r.spec.Attributes[attribute]; ok {
		return true
	}
	if r.typeName == "AWS::CloudFormation::Stack" && strings.HasPrefix(attribute, "Outputs.") {
		return true
	}
	for i := range len(attribute) {
		if attribute[i] != '.' {
			continue
		}
		parent, ok := r.spec.Attributes[attribute[:i]]
		if ok && (parent.PrimitiveType == schemas.PrimitiveJSON || (parent.PrimitiveType == "" && parent.Type != schemas.TypeList)) {
			return true
		}
	}
	return false
}

// checkSub checks the ${Name} and ${Resource.Attribute} references in the
// string of a Fn::Sub, in either form: "string" or [string, {variables}].
// ${!Literal} is an escape, not a reference.
func (c *cfnChecker) checkSub(ctx intrinsicContext, n *cfnNode) {
	template := n.arg
	variables := make(map[string]bool)
	if n.arg.kind == cfnSeq {
		if len(n.arg.items) != 2 || n.arg.items[1].kind != cfnMap {
			c.at(n, "%s takes a string or a list: [string, {variable: value}]", n.display())
			return
		}
		template = n.arg.items[0]
		for _, k := range n.arg.items[1].keys {
			variables[k.name] = true
			c.checkIntrinsics(ctx, k.value)
		}
	}
	text, ok := template.isString()
	if !ok || template.scalar != scalarString {
		c.at(n, "%s needs a string, not %s", n.display(), template.describe())
		return
	}
	for offset := 0; ; {
		start := strings.Index(text[offset:], "${")
		if start < 0 {
			return
		}
		start += offset
		end := strings.IndexByte(text[start:], '}')
		if end < 0 {
			return // no closing brace: CloudFormation keeps the text as it is
		}
		end += start
		offset = end + 1
		name := text[start+2 : end]
		if strings.HasPrefix(name, "!") || variables[name] {
			continue
		}
		at := template
		if template.literalBlock {
			// Point at the line of the reference inside the block.
			at = &cfnNode{line: template.line + strings.Count(text[:start], "\n")}
		}
		what := fmt.Sprintf("%s ${%s}", n.display(), name)
		if resource, attribute, dotted := strings.Cut(name, "."); dotted {
			c.checkAttribute(at, what, resource, attribute)
		} else {
			c.checkRefTarget(ctx, at, what, name)
		}
	}
}

// checkFindInMap checks that a Fn::FindInMap with literal names names an
// existing mapping and keys.
func (c *cfnChecker) checkFindInMap(n *cfnNode) {
	args := n.arg.items
	mapName, ok := args[0].isString()
	if !ok {
		return
	}
	mapping := c.mappings[mapName]
	if mapping == nil {
		c.at(args[0], "%s: mapping %q is not declared in Mappings%s", n.display(), mapName, didYouMean(mapName, sortedKeys(c.mappings)))
		return
	}
	top, ok := args[1].isString()
	if !ok {
		return
	}
	entry := mapping.get(top)
	if entry == nil {
		c.at(args[1], "%s: mapping %q has no key %q", n.display(), mapName, top)
		return
	}
	if second, ok := args[2].isString(); ok && entry.get(second) == nil {
		c.at(args[2], "%s: mapping %q has no key %q under %q", n.display(), mapName, second, top)
	}
}
