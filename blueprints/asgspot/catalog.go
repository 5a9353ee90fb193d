package asgspot

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Architecture is a CPU architecture as the SSM AMI parameters name it.
type Architecture string

// Architectures of the built-in instance catalog.
const (
	X8664 Architecture = "x86_64"
	ARM64 Architecture = "arm64"
)

// family describes one instance family: its architecture and the sizes it
// comes in, smallest first.
type family struct {
	arch  Architecture
	sizes []string
}

// catalog is the built-in list of general-purpose, compute- and
// memory-optimised families that suit a web tier behind a load balancer.
// It is deliberately a subset: families and sizes scaffold can vouch for.
func catalog() map[string]family {
	// Size lists, shared by families that come in the same sizes.
	burstableSizes := []string{"nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"}
	m5Sizes := []string{"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"}
	m6Sizes := []string{"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"}
	gravitonSizes := []string{"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"}
	return map[string]family{
		"t3": {X8664, burstableSizes}, "t3a": {X8664, burstableSizes}, "t4g": {ARM64, burstableSizes},
		"m5": {X8664, m5Sizes}, "m5a": {X8664, m5Sizes}, "m6i": {X8664, m6Sizes}, "m6a": {X8664, m6Sizes}, "m7i": {X8664, m6Sizes}, "m7a": {X8664, m6Sizes},
		"c5": {X8664, m5Sizes}, "c5a": {X8664, m5Sizes}, "c6i": {X8664, m6Sizes}, "c6a": {X8664, m6Sizes}, "c7i": {X8664, m6Sizes},
		"r5": {X8664, m5Sizes}, "r5a": {X8664, m5Sizes}, "r6i": {X8664, m6Sizes}, "r6a": {X8664, m6Sizes}, "r7i": {X8664, m6Sizes},
		"m6g": {ARM64, gravitonSizes}, "m7g": {ARM64, gravitonSizes}, "c6g": {ARM64, gravitonSizes}, "c7g": {ARM64, gravitonSizes},
		"r6g": {ARM64, gravitonSizes}, "r7g": {ARM64, gravitonSizes},
	}
}

// InstanceType is a parsed instance type such as m5.xlarge.
type InstanceType struct {
	Name   string
	Family string
	Size   string
	Arch   Architecture
}

// ParseInstanceTypes checks a list of instance types against the catalog
// and that they share one architecture (a launch template has one AMI).
func ParseInstanceTypes(names []string) ([]InstanceType, error) {
	known := catalog()
	var types []InstanceType
	seen := map[string]bool{}
	for _, name := range names {
		name = strings.TrimSpace(name)
		familyName, size, ok := strings.Cut(name, ".")
		f, known := known[familyName]
		switch {
		case !ok || !known:
			return nil, fmt.Errorf("%q is not in the built-in catalog; known families: %s", name, strings.Join(familyNames(), ", "))
		case !slices.Contains(f.sizes, size):
			return nil, fmt.Errorf("%q: %s comes in %s", name, familyName, strings.Join(f.sizes, ", "))
		case seen[name]:
			return nil, fmt.Errorf("%q is listed twice", name)
		}
		seen[name] = true
		types = append(types, InstanceType{Name: name, Family: familyName, Size: size, Arch: f.arch})
	}
	for _, t := range types[1:] {
		if t.Arch != types[0].Arch {
			return nil, fmt.Errorf("%s is %s but %s is %s; one launch template has one AMI, so use one architecture", types[0].Name, types[0].Arch, t.Name, t.Arch)
		}
	}
	return types, nil
}

func familyNames() []string {
	var names []string
	for name := range catalog() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
