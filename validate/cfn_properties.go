package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/schemas"
)

// checkProperties checks a resource's Properties against its type in the
// specification. props may be nil (no Properties key).
func (c *cfnChecker) checkProperties(subject string, k *cfnKey, r *cfnResource, props *cfnNode) {
	if r.custom {
		// A custom resource's properties go to its Lambda function or SNS
		// topic; CloudFormation itself needs only the ServiceToken.
		if props.get("ServiceToken") == nil {
			c.atKey(k, "%s: required property %q is missing", subject, "ServiceToken")
		}
		return
	}
	if r.spec == nil || (props != nil && props.kind == cfnFunc) {
		// Unknown type, or Properties chosen by Fn::If as a whole: the
		// intrinsic checks already ran, and the shape is not known here.
		return
	}
	at := k.value.key("Properties")
	if props == nil || props.kind == cfnNull {
		// No properties at all: check an empty mapping, so that missing
		// required properties are reported at the Properties key, or at
		// the logical ID when there is none.
		if at == nil {
			at = k
		}
		props = &cfnNode{kind: cfnMap, line: at.line, column: at.column}
	}
	v := &valueChecker{c: c, subject: subject, resourceType: r.typeName}
	v.object(props, "", r.spec.Properties, at)
	c.findings = append(c.findings, v.problems...)
}

// valueChecker checks property values of one resource and collects
// findings in a buffer, so that a value of a union type can be tried
// against each member before anything is reported.
type valueChecker struct {
	c            *cfnChecker
	subject      string
	resourceType string
	problems     []Finding
}

// report records a problem with the value at path, at n's position.
func (v *valueChecker) report(n *cfnNode, path, format string, args ...any) {
	v.reportAt(n.line, n.column, path, format, args...)
}

// reportAt records a problem with the value at path.
func (v *valueChecker) reportAt(line, column int, path, format string, args ...any) {
	prefix := v.subject + ": "
	if path != "" {
		prefix += path + ": "
	}
	v.problems = append(v.problems, Finding{File: v.c.file, Line: line, Column: column, Message: prefix + fmt.Sprintf(format, args...)})
}

// object checks a mapping against the properties of a resource or
// property type. at is the key the object hangs from, where missing
// properties are reported.
func (v *valueChecker) object(n *cfnNode, path string, props map[string]*schemas.Property, at *cfnKey) {
	if n.kind != cfnMap {
		v.report(n, path, "expected a mapping of properties, got %s", n.describe())
		return
	}
	for _, k := range n.keys {
		prop, ok := props[k.name]
		if !ok {
			v.reportAt(k.line, k.column, path, "unknown property %q%s", k.name, didYouMean(k.name, sortedKeys(props)))
			continue
		}
		v.value(k.value, joinPath(path, k.name), &prop.ValueType)
	}
	for _, name := range sortedKeys(props) {
		if props[name].Required && n.get(name) == nil {
			line, column := n.line, n.column
			if at != nil {
				line, column = at.line, at.column
			}
			v.reportAt(line, column, path, "required property %q is missing", name)
		}
	}
}

// joinPath appends a property name to a path.
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// value checks one value against a type descriptor.
func (v *valueChecker) value(n *cfnNode, path string, vt *schemas.ValueType) {
	switch n.kind {
	case cfnFunc:
		v.function(n, path, vt)
		return
	case cfnInvalid:
		return
	}
	if n.kind == cfnNull {
		v.report(n, path, "has no value")
		return
	}
	if len(vt.Alternatives) > 0 {
		v.union(n, path, vt)
		return
	}
	switch {
	case vt.PrimitiveType != "":
		v.primitive(n, path, vt.PrimitiveType, vt.AllowedValues)
	case vt.Type == schemas.TypeList:
		if n.kind != cfnSeq {
			v.report(n, path, "expected a list, got %s", n.describe())
			return
		}
		item := itemType(vt)
		for i, elem := range n.items {
			v.value(elem, fmt.Sprintf("%s[%d]", path, i), item)
		}
	case vt.Type == schemas.TypeMap:
		if n.kind != cfnMap {
			v.report(n, path, "expected a mapping, got %s", n.describe())
			return
		}
		item := itemType(vt)
		for _, k := range n.keys {
			v.value(k.value, joinPath(path, k.name), item)
		}
	default:
		pt, _, ok := v.c.spec.ResolvePropertyType(v.resourceType, vt.Type)
		if !ok {
			return // a gap in the specification, not in the template
		}
		v.object(n, path, pt.Properties, nil)
	}
}

// union checks a value of a union type: it is valid if it matches the
// classic member or any alternative. When none matches, the problems with
// the classic member are reported.
func (v *valueChecker) union(n *cfnNode, path string, vt *schemas.ValueType) {
	members := append([]*schemas.ValueType{withoutAlternatives(vt)}, vt.Alternatives...)
	var first []Finding
	for i, member := range members {
		trial := &valueChecker{c: v.c, subject: v.subject, resourceType: v.resourceType}
		trial.value(n, path, member)
		if len(trial.problems) == 0 {
			return
		}
		if i == 0 {
			first = trial.problems
		}
	}
	v.problems = append(v.problems, first...)
}

// withoutAlternatives returns the classic member of a union type.
func withoutAlternatives(vt *schemas.ValueType) *schemas.ValueType {
	member := *vt
	member.Alternatives = nil
	return &member
}

// itemType returns the type descriptor of the items of a List or Map.
func itemType(vt *schemas.ValueType) *schemas.ValueType {
	if vt.ItemSpec != nil {
		return vt.ItemSpec
	}
	return &schemas.ValueType{PrimitiveType: vt.PrimitiveItemType, Type: vt.ItemType, AllowedValues: vt.AllowedValues}
}

// primitive checks a scalar against a primitive type the way
// CloudFormation converts values: numbers and booleans may be written as
// strings, and any scalar is a valid String.
func (v *valueChecker) primitive(n *cfnNode, path, prim string, allowed schemas.AllowedValues) {
	if prim == schemas.PrimitiveJSON {
		if n.kind == cfnScalar && n.scalar != scalarString {
			v.report(n, path, "expected a JSON document (a mapping, a list or a string), got %s", n.describe())
		}
		return
	}
	if n.kind != cfnScalar {
		v.report(n, path, "expected %s, got %s", primitiveName(prim), n.describe())
		return
	}
	text := n.text
	var ok bool
	switch prim {
	case schemas.PrimitiveInteger:
		_, err := strconv.ParseInt(text, 10, 64)
		ok = n.scalar != scalarBool && err == nil
		if n.scalar == scalarInt && !ok {
			// YAML integers may be written in hex or octal.
			_, err = strconv.ParseInt(text, 0, 64)
			ok = err == nil
		}
	case schemas.PrimitiveDouble:
		_, err := strconv.ParseFloat(text, 64)
		ok = n.scalar != scalarBool && err == nil
	case schemas.PrimitiveBoolean:
		ok = strings.EqualFold(text, "true") || strings.EqualFold(text, "false")
	default: // String, Timestamp
		ok = true
	}
	if !ok {
		v.report(n, path, "expected %s, got %s", primitiveName(prim), n.describe())
		return
	}
	if len(allowed) > 0 && !slices.Contains(allowed, text) {
		v.report(n, path, "%q is not one of %s", text, quoteList(allowed))
	}
}

// primitiveName names a primitive type with its article.
func primitiveName(prim string) string {
	switch prim {
	case schemas.PrimitiveInteger:
		return "an Integer"
	case schemas.PrimitiveDouble:
		return "a Double (a number)"
	case schemas.PrimitiveBoolean:
		return "a Boolean (true or false)"
	case schemas.PrimitiveTimestamp:
		return "a Timestamp"
	}
	return "a " + prim
}

// function checks the result of an intrinsic function against the type
// the property expects, as far as the function's result is known: Fn::If
// yields one of its branches, Ref to AWS::NoValue removes the property,
// and some functions always yield a string or always a list.
func (v *valueChecker) function(n *cfnNode, path string, vt *schemas.ValueType) {
	switch n.fn {
	case "Fn::If":
		if n.arg.kind == cfnSeq && len(n.arg.items) == 3 {
			for _, branch := range n.arg.items[1:] {
				v.value(branch, path, vt)
			}
		}
		return
	case "Ref":
		if target, _ := n.arg.isString(); target == "AWS::NoValue" {
			return
		}
	}
	result := v.c.functionResult(n)
	if result == "" || len(vt.Alternatives) > 0 || vt.PrimitiveType == schemas.PrimitiveJSON {
		return
	}
	wantList := vt.Type == schemas.TypeList
	wantString := vt.PrimitiveType != ""
	switch {
	case result == "list" && !wantList:
		v.report(n, path, "%s returns a list, but %s is expected", n.display(), expectedName(vt))
	case result == "string" && !wantString:
		v.report(n, path, "%s returns a string, but %s is expected", n.display(), expectedName(vt))
	}
}

// expectedName describes what a type descriptor expects.
func expectedName(vt *schemas.ValueType) string {
	switch {
	case vt.PrimitiveType != "":
		return primitiveName(vt.PrimitiveType)
	case vt.Type == schemas.TypeList:
		return "a list"
	}
	return "a mapping"
}

// functionResult is "string" or "list" when a function's result has that
// shape whatever its arguments, else "".
func (c *cfnChecker) functionResult(n *cfnNode) string {
	switch n.fn {
	case "Fn::Sub", "Fn::Join", "Fn::Base64":
		return "string"
	case "Fn::GetAZs", "Fn::Split", "Fn::Cidr":
		return "list"
	case "Ref":
		target, _ := n.arg.isString()
		if _, isParam := c.parameters[target]; isParam {
			if c.isListParameter(target) {
				return "list"
			}
			return "string"
		}
		if c.resources[target] != nil || target == "AWS::Region" || target == "AWS::StackName" {
			return "string"
		}
	}
	return ""
}
