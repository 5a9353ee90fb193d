package schemas

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// CFNSpec is the CloudFormation resource specification, in the classic
// CloudFormationResourceSpecification.json layout plus the extension keys
// README.md describes. It is safe for concurrent use.
type CFNSpec struct {
	// Version is the ResourceSpecificationVersion field, which names the
	// source package ("aws-service-spec-0.1.216").
	Version string

	resourceTypes lazyTable[ResourceType]
	propertyTypes lazyTable[PropertyType]
}

// The primitive types a ValueType can name. The file never uses Long.
const (
	PrimitiveString    = "String"
	PrimitiveInteger   = "Integer"
	PrimitiveDouble    = "Double"
	PrimitiveBoolean   = "Boolean"
	PrimitiveTimestamp = "Timestamp"
	PrimitiveJSON      = "Json"
)

// The collection kinds a ValueType's Type can name; any other Type is the
// short name of a property type.
const (
	TypeList = "List"
	TypeMap  = "Map"
)

// ResourceType describes one CloudFormation resource type such as
// AWS::EC2::VPC.
type ResourceType struct {
	// Attributes are the names Fn::GetAtt accepts, including dotted names
	// such as "Endpoint.Address".
	Attributes map[string]*ValueType `json:"Attributes"`
	// Properties are the keys allowed under the resource's Properties.
	Properties map[string]*Property `json:"Properties"`
	// RequiredTransform is the template Transform the type needs, set only
	// on AWS::Serverless::* types.
	RequiredTransform string `json:"RequiredTransform"`
}

// PropertyType describes the object shape a property can have, such as
// AWS::EC2::SecurityGroup.Ingress or the global Tag.
type PropertyType struct {
	// Properties are the keys the object allows.
	Properties map[string]*Property `json:"Properties"`
}

// Property is a property of a resource or property type: its value type,
// whether it must be set and what changing it does.
type Property struct {
	ValueType
	// Required means the property must be set.
	Required bool `json:"Required"`
	// UpdateType is Immutable, Conditional or Mutable.
	UpdateType string `json:"UpdateType"`
}

// ValueType is a type descriptor. Exactly one of PrimitiveType and Type is
// set; when Type is List or Map, one of PrimitiveItemType and ItemType names
// the items, and ItemSpec refines them when they are collections or unions.
type ValueType struct {
	// PrimitiveType is one of the Primitive* constants.
	PrimitiveType string `json:"PrimitiveType"`
	// Type is TypeList, TypeMap or the short name of a property type.
	Type string `json:"Type"`
	// ItemType is the short name of the property type of each item.
	ItemType string `json:"ItemType"`
	// PrimitiveItemType is the primitive type of each item.
	PrimitiveItemType string `json:"PrimitiveItemType"`
	// ItemSpec is the full descriptor of each item when the classic keys
	// cannot express it (nested collections, unions).
	ItemSpec *ValueType `json:"ItemSpec"`
	// Alternatives are the other members of a union type; a value that
	// matches any member, or the classic keys, is valid.
	Alternatives []*ValueType `json:"Alternatives"`
	// AllowedValues are the enumerated values of a String or Integer (or of
	// each item of a List or Map). Integers are kept in their decimal form.
	AllowedValues AllowedValues `json:"AllowedValues"`
}

// AllowedValues is an enumeration of permitted scalar values, held as
// strings so string and integer enumerations compare the same way.
type AllowedValues []string

// UnmarshalJSON accepts a JSON array of strings and numbers.
func (a *AllowedValues) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	values := make(AllowedValues, 0, len(raw))
	for _, item := range raw {
		var s string
		if err := json.Unmarshal(item, &s); err == nil {
			values = append(values, s)
			continue
		}
		var n json.Number
		if err := json.Unmarshal(item, &n); err != nil {
			return fmt.Errorf("allowed value %s is neither a string nor a number", item)
		}
		values = append(values, n.String())
	}
	*a = values
	return nil
}

// CloudFormation returns the embedded CloudFormation resource specification.
// The file is decompressed and its top level decoded on the first call;
// later calls return the same value.
func CloudFormation() (*CFNSpec, error) {
	return loadCloudFormation()
}

// loadCloudFormation caches decodeCloudFormation for the life of the process.
var loadCloudFormation = sync.OnceValues(decodeCloudFormation)

// decodeCloudFormation decompresses the embedded specification and decodes
// its top level.
func decodeCloudFormation() (*CFNSpec, error) {
	data, err := readGzip("cloudformation/resource-spec.json.gz")
	if err != nil {
		return nil, err
	}
	top, err := splitObject(data)
	if err != nil {
		return nil, fmt.Errorf("decoding the CloudFormation resource specification: %w", err)
	}
	var version string
	if err := json.Unmarshal(top["ResourceSpecificationVersion"], &version); err != nil {
		return nil, fmt.Errorf("decoding the CloudFormation resource specification: version: %w", err)
	}
	resourceTypes, err := splitObject(top["ResourceTypes"])
	if err != nil {
		return nil, fmt.Errorf("decoding the CloudFormation resource specification: ResourceTypes: %w", err)
	}
	propertyTypes, err := splitObject(top["PropertyTypes"])
	if err != nil {
		return nil, fmt.Errorf("decoding the CloudFormation resource specification: PropertyTypes: %w", err)
	}
	return &CFNSpec{
		Version:       version,
		resourceTypes: newLazyTable[ResourceType]("resource type", resourceTypes),
		propertyTypes: newLazyTable[PropertyType]("property type", propertyTypes),
	}, nil
}

// ResourceType returns the resource type with the given name, such as
// "AWS::EC2::VPC", or false if the specification has none.
func (s *CFNSpec) ResourceType(name string) (*ResourceType, bool) {
	return s.resourceTypes.lookup(name)
}

// PropertyType returns the property type with the given full name, such as
// "AWS::EC2::SecurityGroup.Ingress" or "Tag", or false if there is none.
func (s *CFNSpec) PropertyType(fullName string) (*PropertyType, bool) {
	return s.propertyTypes.lookup(fullName)
}

// ResolvePropertyType resolves the short name a Type or ItemType gives,
// used inside resourceType, the way README.md prescribes: first
// "<resourceType>.<shortName>", then the global name (in practice only Tag).
// It returns the property type and its full name.
func (s *CFNSpec) ResolvePropertyType(resourceType, shortName string) (*PropertyType, string, bool) {
	full := resourceType + "." + shortName
	if pt, ok := s.propertyTypes.lookup(full); ok {
		return pt, full, true
	}
	// Global names (Tag) have no namespace; a dotted name is a full name of
	// some other resource's property type and must not resolve here.
	if strings.Contains(shortName, ".") {
		return nil, "", false
	}
	if pt, ok := s.propertyTypes.lookup(shortName); ok {
		return pt, shortName, true
	}
	return nil, "", false
}

// ResourceTypes returns the names of all resource types, sorted.
func (s *CFNSpec) ResourceTypes() []string { return s.resourceTypes.names() }

// PropertyTypes returns the full names of all property types, sorted.
func (s *CFNSpec) PropertyTypes() []string { return s.propertyTypes.names() }
