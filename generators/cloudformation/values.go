package cloudformation

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// pseudoParameters maps the model's deploy-time values to CloudFormation's
// pseudo parameters.
var pseudoParameters = map[graph.Pseudo]string{
	graph.PseudoRegion:    "AWS::Region",
	graph.PseudoAccountID: "AWS::AccountId",
	graph.PseudoPartition: "AWS::Partition",
	graph.PseudoURLSuffix: "AWS::URLSuffix",
}

// resolver turns model values into what the YAML encoder writes: Go
// literals, yaml.MapSlice, slices and intrinsics. It knows the graph so
// that references become the right intrinsic for their target's kind.
type resolver struct {
	// components indexes the graph by ID; references are resolved many
	// times per template and graph.Component is a linear scan.
	components map[string]*graph.Component
	// parameters maps model names to CloudFormation names, computed once
	// so that a bad name is reported once, not at every reference.
	parameters map[string]string
}

// newResolver indexes g. It fails only when a parameter name cannot become
// a CloudFormation name, since nothing that refers to it could render.
func newResolver(g *graph.Graph) (*resolver, error) {
	r := &resolver{
		components: make(map[string]*graph.Component, len(g.Components)),
		parameters: make(map[string]string, len(g.Parameters)),
	}
	for i := range g.Components {
		r.components[g.Components[i].ID] = &g.Components[i]
	}
	for _, p := range g.Parameters {
		name, err := cfnName("parameter", p.Name)
		if err != nil {
			return nil, err
		}
		r.parameters[p.Name] = name
	}
	return r, nil
}

// value converts any model value. Literals stay Go literals so that goccy
// decides their quoting ('on' and '10' must be quoted, 0.0.0.0/0 need not
// be); everything that reads the deployment becomes an intrinsic.
func (r *resolver) value(v graph.Value) (any, error) {
	switch v := v.(type) {
	case nil:
		return nil, fmt.Errorf("missing value")
	case graph.String:
		return string(v), nil
	case graph.Int:
		return int64(v), nil
	case graph.Bool:
		return bool(v), nil
	case graph.List:
		items := make([]any, len(v))
		for i, item := range v {
			converted, err := r.value(item)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i, err)
			}
			items[i] = converted
		}
		return items, nil
	case graph.Object:
		return r.fields(v)
	case graph.Document:
		return r.fields(graph.Object(v))
	case graph.Join:
		return r.join(v)
	case graph.Base64:
		return r.base64(v)
	case graph.GeneratedSecret:
		return generateSecretString(v)
	case graph.SecretValue:
		// A dynamic reference: CloudFormation resolves it when it
		// creates the resource and never shows the value.
		return r.join(graph.Join{
			graph.String("{{resolve:secretsmanager:"), graph.RefID(v.Secret),
			graph.String(":SecretString:" + v.Key + "}}"),
		})
	case graph.Struct:
		// Only the placement of a property knows the names of a Struct's
		// keys; a Struct anywhere else is a blueprint mistake.
		return nil, fmt.Errorf("a Struct can only be a property value or an item of a property's list, not part of another value")
	default:
		// Everything else is a scalar reference of some kind.
		return r.scalar(v)
	}
}

// fields converts an Object or Document. Keys are data (policy fields, tag
// keys), so they are written exactly as given, in the given order.
func (r *resolver) fields(object graph.Object) (yaml.MapSlice, error) {
	out := make(yaml.MapSlice, len(object))
	for i, f := range object {
		converted, err := r.value(f.Value)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", f.Key, err)
		}
		out[i] = yaml.MapItem{Key: f.Key, Value: converted}
	}
	return out, nil
}

// nameValues converts an Object into the Name/Value list CloudFormation
// uses for an alarm's dimensions. Each key is a name the service defines
// (QueueName), so it is written as given, like an Object's keys.
func (r *resolver) nameValues(object graph.Object) ([]nameValue, error) {
	out := make([]nameValue, len(object))
	for i, f := range object {
		converted, err := r.value(f.Value)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", f.Key, err)
		}
		out[i] = nameValue{Name: f.Key, Value: converted}
	}
	return out, nil
}

// keyValues converts an Object into a list of Key/Value pairs, the shape
// of tags inside a launch template's tag specifications.
func (r *resolver) keyValues(object graph.Object) ([]tag, error) {
	out := make([]tag, len(object))
	for i, f := range object {
		converted, err := r.value(f.Value)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", f.Key, err)
		}
		out[i] = tag{Key: f.Key, Value: converted}
	}
	return out, nil
}

// itemMappings converts a List into one-key mappings, one per item, such
// as a pipeline action's InputArtifacts [{Name: source}].
func (r *resolver) itemMappings(key string, list graph.List) ([]yaml.MapSlice, error) {
	out := make([]yaml.MapSlice, len(list))
	for i, item := range list {
		converted, err := r.value(item)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
		out[i] = yaml.MapSlice{{Key: key, Value: converted}}
	}
	return out, nil
}

// base64 converts a Base64. A literal becomes `!Base64 'text'`. Anything
// that resolves to an intrinsic needs the long form, `Fn::Base64: !Sub ...`,
// because a YAML node carries one tag only: `!Base64 !Sub` is not YAML,
// which is also why the AWS documentation writes user data this way.
func (r *resolver) base64(v graph.Base64) (any, error) {
	inner, err := r.value(v.Value)
	if err != nil {
		return nil, fmt.Errorf("base64: %w", err)
	}
	switch inner := inner.(type) {
	case string:
		// A script reads best as a literal block, which goccy writes for a
		// plain multi-line string but not inside a tag: multi-line text
		// takes the long form, `Fn::Base64: |`. goccy indents the empty
		// lines of a block too, which linters reject as trailing spaces, so
		// text with blank lines keeps the quoted short form.
		if strings.Contains(inner, "\n") && !strings.Contains(inner, "\n\n") {
			return yaml.MapSlice{{Key: "Fn::Base64", Value: inner}}, nil
		}
		return base64Text(inner), nil
	case intrinsic:
		return yaml.MapSlice{{Key: "Fn::Base64", Value: inner}}, nil
	default:
		return nil, fmt.Errorf("base64 encodes a string, not %T", v.Value)
	}
}

// scalar converts the values that become one intrinsic function.
func (r *resolver) scalar(v graph.Value) (intrinsic, error) {
	switch v := v.(type) {
	case graph.Ref:
		return r.ref(v)
	case graph.ParamRef:
		name, ok := r.parameters[v.Name]
		if !ok {
			return nil, fmt.Errorf("reference to unknown parameter %q", v.Name)
		}
		return ref(name), nil
	case graph.Pseudo:
		name, ok := pseudoParameters[v]
		if !ok {
			return nil, fmt.Errorf("unknown pseudo value %q", string(v))
		}
		return ref(name), nil
	case graph.AZ:
		if v.Index < 0 {
			return nil, fmt.Errorf("availability zone index %d is negative", v.Index)
		}
		return selectAZ(v.Index), nil
	case graph.CIDRSubnet:
		return r.cidrSubnet(v)
	default:
		return nil, fmt.Errorf("unsupported value type %T", v)
	}
}

// maxCIDRCount is the most subnets one !Cidr may return.
const maxCIDRCount = 256

// cidrSubnet converts a CIDRSubnet. !Cidr has no "n-th subnet of this
// size": it lists count subnets of a given number of host bits from the
// start of the block, so the value asks for all 1<<NewBits of them and
// selects NetNum. The host bits depend on the block's prefix length, which
// is why the model carries BlockBits; CloudFormation's limit of 256 subnets
// per !Cidr caps NewBits at 8.
func (r *resolver) cidrSubnet(v graph.CIDRSubnet) (intrinsic, error) {
	if err := v.Check(); err != nil {
		return nil, err
	}
	if 1<<v.NewBits > maxCIDRCount {
		return nil, fmt.Errorf("cidr subnet: %d new bits would need !Cidr to make %d subnets, but CloudFormation makes at most %d (8 new bits)",
			v.NewBits, int64(1)<<v.NewBits, maxCIDRCount)
	}
	block, err := r.value(v.Block)
	if err != nil {
		return nil, fmt.Errorf("cidr subnet block: %w", err)
	}
	var node intrinsic
	switch block := block.(type) {
	case intrinsic:
		node = block
	case string:
		node = literal(block)
	default:
		return nil, fmt.Errorf("cidr subnet block: a %T is not an address block", v.Block)
	}
	return selectCIDR{index: v.NetNum, block: node, count: 1 << v.NewBits, hostBits: 32 - v.BlockBits - v.NewBits}, nil
}

// target is a referenced component's logical ID and the attribute read,
// checked in one place for every way of referring to it (a bare value or a
// !Sub variable).
type target struct {
	logicalID string
	attribute AttributeMapping
}

// target resolves a Ref to the component, kind and attribute it reads.
func (r *resolver) target(v graph.Ref) (target, error) {
	c, ok := r.components[v.Component]
	if !ok {
		return target{}, fmt.Errorf("reference to unknown component %q", v.Component)
	}
	m := lookup(c.Kind)
	if m == nil {
		return target{}, fmt.Errorf("reference to component %q of unknown kind %q", v.Component, c.Kind)
	}
	if m.Unsupported != "" {
		return target{}, fmt.Errorf("reference to component %q of kind %q, which CloudFormation cannot express", v.Component, c.Kind)
	}
	if m.MergeInto != nil {
		return target{}, fmt.Errorf("reference to component %q of kind %q, which has no resource of its own in CloudFormation", v.Component, c.Kind)
	}
	a, ok := m.Attribute(v.Attr)
	if !ok {
		return target{}, fmt.Errorf("component %q of kind %q has no attribute %q in CloudFormation", v.Component, c.Kind, v.Attr)
	}
	return target{logicalID: PascalCase(c.ID), attribute: a}, nil
}

// ref converts a reference: !Ref, !GetAtt, or an ARN built with !Sub.
func (r *resolver) ref(v graph.Ref) (intrinsic, error) {
	t, err := r.target(v)
	if err != nil {
		return nil, err
	}
	switch {
	case t.attribute.ARN != nil:
		return r.joinIntrinsic(arnJoin(t.attribute.ARN, v.Component))
	case t.attribute.GetAtt != "":
		return getAtt{resource: t.logicalID, attribute: t.attribute.GetAtt}, nil
	default:
		return ref(t.logicalID), nil
	}
}

// arnJoin spells a built ARN as a model Join, so that it renders through
// the same !Sub logic as any other concatenation and can nest inside one.
func arnJoin(format *ARNFormat, component string) graph.Join {
	return graph.Join{
		graph.String("arn:"), graph.PseudoPartition,
		graph.String(":" + format.Service + ":"), graph.PseudoRegion,
		graph.String(":"), graph.PseudoAccountID,
		graph.String(":" + format.Resource), graph.RefID(component),
	}
}

// part is one piece of a flattened Join: a literal, or a value with the
// text !Sub uses for it. subText is empty for values !Sub cannot name, such
// as an Availability Zone.
type part struct {
	literal   string
	isLiteral bool
	value     intrinsic
	subText   string
}

// join converts a Join. It prefers the simplest form that says the same
// thing: a plain string when every part is literal (cfn-lint warns about a
// !Sub without variables), the bare intrinsic when there is one part, then
// !Sub, and !Join only when a part cannot be written inside !Sub.
func (r *resolver) join(v graph.Join) (any, error) {
	parts, err := r.flatten(v, nil)
	if err != nil {
		return nil, err
	}
	if len(parts) == 0 {
		return "", nil
	}
	if len(parts) == 1 && parts[0].isLiteral {
		return parts[0].literal, nil
	}
	return joinParts(parts), nil
}

// joinIntrinsic is join for contexts that need an intrinsic, where a Join
// is known to contain at least one reference.
func (r *resolver) joinIntrinsic(v graph.Join) (intrinsic, error) {
	parts, err := r.flatten(v, nil)
	if err != nil {
		return nil, err
	}
	return joinParts(parts), nil
}

func joinParts(parts []part) intrinsic {
	if len(parts) == 1 && !parts[0].isLiteral {
		return parts[0].value
	}
	var text strings.Builder
	for _, p := range parts {
		switch {
		case p.isLiteral:
			// "${" would start a variable; "${!" is !Sub's escape for it.
			text.WriteString(strings.ReplaceAll(p.literal, "${", "${!"))
		case p.subText != "":
			text.WriteString(p.subText)
		default:
			return joinFallback(parts)
		}
	}
	return sub(text.String())
}

// joinFallback writes parts as !Join with an empty delimiter. Literals are
// written as they are: !Join has no escapes.
func joinFallback(parts []part) intrinsic {
	values := make([]intrinsic, len(parts))
	for i, p := range parts {
		if p.isLiteral {
			values[i] = literal(p.literal)
		} else {
			values[i] = p.value
		}
	}
	return join{parts: values}
}

// flatten turns a Join into parts, inlining nested Joins and built ARNs and
// merging adjacent literals so the output has no `'a', 'b'` runs.
func (r *resolver) flatten(v graph.Join, parts []part) ([]part, error) {
	addLiteral := func(text string) {
		if n := len(parts); n > 0 && parts[n-1].isLiteral {
			parts[n-1].literal += text
			return
		}
		parts = append(parts, part{literal: text, isLiteral: true})
	}
	for i, item := range v {
		var err error
		switch item := item.(type) {
		case graph.String:
			addLiteral(string(item))
		case graph.Int:
			addLiteral(strconv.FormatInt(int64(item), 10))
		case graph.Bool:
			addLiteral(strconv.FormatBool(bool(item)))
		case graph.Join:
			parts, err = r.flatten(item, parts)
		case graph.Ref:
			parts, err = r.flattenRef(item, parts)
		default:
			var value intrinsic
			value, err = r.scalar(item)
			if err == nil {
				parts = append(parts, part{value: value, subText: subVariable(value)})
			}
		}
		if err != nil {
			return nil, fmt.Errorf("join part %d: %w", i, err)
		}
	}
	return parts, nil
}

// flattenRef adds a reference to a Join. A built ARN is inlined part by
// part, so it joins the surrounding !Sub instead of nesting one.
func (r *resolver) flattenRef(v graph.Ref, parts []part) ([]part, error) {
	t, err := r.target(v)
	if err != nil {
		return nil, err
	}
	if t.attribute.ARN != nil {
		return r.flatten(arnJoin(t.attribute.ARN, v.Component), parts)
	}
	value, err := r.ref(v)
	if err != nil {
		return nil, err
	}
	return append(parts, part{value: value, subText: subVariable(value)}), nil
}

// subVariable is how !Sub names an intrinsic: ${Name} for !Ref and
// ${Resource.Attribute} for !GetAtt. Others have no !Sub spelling.
func subVariable(value intrinsic) string {
	switch value := value.(type) {
	case ref:
		return "${" + string(value) + "}"
	case getAtt:
		return "${" + value.resource + "." + value.attribute + "}"
	default:
		return ""
	}
}

// generateSecretString is a secret's GenerateSecretString: the fixed
// fields as the template's JSON, and the password Secrets Manager adds to
// it under the generated key.
func generateSecretString(v graph.GeneratedSecret) (yaml.MapSlice, error) {
	var template strings.Builder
	template.WriteString("{")
	for i, f := range v.Fields {
		s, ok := f.Value.(graph.String)
		if !ok {
			return nil, fmt.Errorf("generated secret %q: field %q must be a literal string", v.Name, f.Key)
		}
		key, _ := json.Marshal(f.Key)
		value, _ := json.Marshal(string(s))
		if i > 0 {
			template.WriteString(",")
		}
		template.Write(key)
		template.WriteString(":")
		template.Write(value)
	}
	template.WriteString("}")
	return yaml.MapSlice{
		{Key: "SecretStringTemplate", Value: template.String()},
		{Key: "GenerateStringKey", Value: v.Key},
		{Key: "PasswordLength", Value: int64(v.Length)},
		{Key: "ExcludeCharacters", Value: v.Exclude},
	}, nil
}
