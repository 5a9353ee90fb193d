package asgspot

import (
	"sort"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/cost"
)

// The cost package may not import blueprints, so it keeps its own copy of
// the instance catalog's prices and of the On-Demand/Spot split. These
// tests keep the copies honest; a test may import what the package cannot.

func TestCatalogIsPriced(t *testing.T) {
	var families []string
	for name := range catalog() {
		families = append(families, name)
	}
	sort.Strings(families)
	for _, name := range families {
		for _, size := range catalog()[name].sizes {
			if _, err := cost.InstanceHourlyUSD(name + "." + size); err != nil {
				t.Errorf("%s.%s is in the catalog but has no price: %v", name, size, err)
			}
		}
	}
}

func TestSplitAgreesWithCostEstimate(t *testing.T) {
	for capacity := 0; capacity <= 25; capacity++ {
		for base := 0; base <= 6; base++ {
			for _, percent := range []int{0, 1, 10, 20, 33, 50, 67, 99, 100} {
				s := SplitAt(capacity, base, percent)
				onDemand, spot := cost.SplitOnDemand(capacity, base, percent)
				if s.OnDemand != onDemand || s.Spot != spot {
					t.Errorf("capacity %d, base %d, %d%%: SplitAt says %d On-Demand + %d Spot, the estimate %d + %d",
						capacity, base, percent, s.OnDemand, s.Spot, onDemand, spot)
				}
			}
		}
	}
}
