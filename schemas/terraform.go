package schemas

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/zclconf/go-cty/cty"
)

// TerraformProviderSource is the registry address of the only provider the
// embedded schema describes.
const TerraformProviderSource = "registry.terraform.io/hashicorp/aws"

// TerraformProviderVersion is the hashicorp/aws release the schema was taken
// from.
const TerraformProviderVersion = "6.25.0"

// TerraformSchema is the schema of the hashicorp/aws provider, in the layout
// `terraform providers schema -json` prints. It is safe for concurrent use.
type TerraformSchema struct {
	// Provider is the body of a `provider "aws"` block.
	Provider *Block

	resources   lazyTable[schemaEntry]
	dataSources lazyTable[schemaEntry]
}

// schemaEntry is one element of resource_schemas or data_source_schemas. Its
// version is always 0 in this file (see README.md) and is dropped.
type schemaEntry struct {
	Block Block `json:"block"`
}

// Block describes the body of a resource, data source, provider or nested
// block: the arguments it accepts and the blocks it may contain.
type Block struct {
	// Attributes are the arguments and read-only attributes, by name.
	Attributes map[string]*Attribute `json:"attributes"`
	// BlockTypes are the nested blocks, by block type name.
	BlockTypes map[string]*NestedBlock `json:"block_types"`
	// Description is the first sentence of the provider's description, if
	// it has one.
	Description string `json:"description"`
}

// Attribute describes one attribute of a block. Exactly one of Required,
// Optional and Computed-alone holds; Optional may be combined with Computed.
type Attribute struct {
	// Type is the attribute's value type; cty.DynamicPseudoType means any.
	Type cty.Type `json:"type"`
	// Required means the argument must be set.
	Required bool `json:"required"`
	// Optional means the argument may be set.
	Optional bool `json:"optional"`
	// Computed means the provider may fill the value in.
	Computed bool `json:"computed"`
	// Description is the first sentence of the provider's description, if
	// it has one.
	Description string `json:"description"`
}

// ReadOnly reports whether the provider sets the attribute and a
// configuration cannot (computed, neither required nor optional).
func (a *Attribute) ReadOnly() bool {
	return a.Computed && !a.Optional && !a.Required
}

// NestingMode says how often a nested block may appear and how its
// instances are collected.
type NestingMode string

// The nesting modes of Terraform's schema JSON. The AWS provider uses only
// single, list and set.
const (
	NestingSingle NestingMode = "single"
	NestingGroup  NestingMode = "group"
	NestingList   NestingMode = "list"
	NestingSet    NestingMode = "set"
	NestingMap    NestingMode = "map"
)

// NestedBlock describes a block type that may appear inside another block.
type NestedBlock struct {
	// NestingMode is how instances of the block are collected.
	NestingMode NestingMode `json:"nesting_mode"`
	// Block is the body schema of each instance.
	Block Block `json:"block"`
	// MinItems is the least number of instances; 0 means optional.
	MinItems int `json:"min_items"`
	// MaxItems is the greatest number of instances; 0 means unlimited.
	MaxItems int `json:"max_items"`
}

// Terraform returns the embedded hashicorp/aws provider schema. The file is
// decompressed and its top level decoded on the first call; later calls
// return the same value.
func Terraform() (*TerraformSchema, error) {
	return loadTerraform()
}

// loadTerraform caches decodeTerraform for the life of the process.
var loadTerraform = sync.OnceValues(decodeTerraform)

// decodeTerraform decompresses the embedded schema and decodes its top level.
func decodeTerraform() (*TerraformSchema, error) {
	data, err := readGzip("terraform/aws-provider-schema.json.gz")
	if err != nil {
		return nil, err
	}
	// The path to the provider's schemas is fixed by the format
	// (README.md); everything below it stays raw until it is looked up.
	aws, err := splitPath(data, "provider_schemas", TerraformProviderSource)
	if err != nil {
		return nil, fmt.Errorf("decoding the Terraform provider schema: %w", err)
	}
	var provider schemaEntry
	if err := json.Unmarshal(aws["provider"], &provider); err != nil {
		return nil, fmt.Errorf("decoding the Terraform provider schema: provider block: %w", err)
	}
	resources, err := splitObject(aws["resource_schemas"])
	if err != nil {
		return nil, fmt.Errorf("decoding the Terraform provider schema: resource_schemas: %w", err)
	}
	dataSources, err := splitObject(aws["data_source_schemas"])
	if err != nil {
		return nil, fmt.Errorf("decoding the Terraform provider schema: data_source_schemas: %w", err)
	}
	return &TerraformSchema{
		Provider:    &provider.Block,
		resources:   newLazyTable[schemaEntry]("resource type", resources),
		dataSources: newLazyTable[schemaEntry]("data source type", dataSources),
	}, nil
}

// Resource returns the body schema of a managed resource type such as
// "aws_vpc", or false if the provider has no such type.
func (s *TerraformSchema) Resource(typeName string) (*Block, bool) {
	entry, ok := s.resources.lookup(typeName)
	if !ok {
		return nil, false
	}
	return &entry.Block, true
}

// DataSource returns the body schema of a data source type such as
// "aws_availability_zones", or false if the provider has no such type.
func (s *TerraformSchema) DataSource(typeName string) (*Block, bool) {
	entry, ok := s.dataSources.lookup(typeName)
	if !ok {
		return nil, false
	}
	return &entry.Block, true
}

// ResourceTypes returns the names of all managed resource types, sorted.
func (s *TerraformSchema) ResourceTypes() []string { return s.resources.names() }

// DataSourceTypes returns the names of all data source types, sorted.
func (s *TerraformSchema) DataSourceTypes() []string { return s.dataSources.names() }
