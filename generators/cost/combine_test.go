package cost

import (
	"math"
	"testing"
)

func TestCombineAddsStacks(t *testing.T) {
	east, err := Of(natPair("us-east-1"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	south, err := Of(natPair("sa-east-1"), DefaultAssumptions())
	if err != nil {
		t.Fatal(err)
	}
	c := Combine([]Part{{"primary", east}, {"dr", south}})
	if math.Abs(c.TotalUSD-(east.TotalUSD+south.TotalUSD)) > 1e-9 {
		t.Errorf("total %v, want %v + %v", c.TotalUSD, east.TotalUSD, south.TotalUSD)
	}
	if c.Region != "us-east-1 + sa-east-1" || c.RegionFactor != 0 {
		t.Errorf("region %q factor %v", c.Region, c.RegionFactor)
	}
	if len(c.Lines) != len(east.Lines)+len(south.Lines) || c.Lines[0].Component != "primary."+east.Lines[0].Component {
		t.Errorf("lines: %d, first %q", len(c.Lines), c.Lines[0].Component)
	}
	if len(c.Free) != len(east.Free) {
		t.Errorf("free listed twice: %q", c.Free)
	}
	same := Combine([]Part{{"a", east}, {"b", east}})
	if same.Region != "us-east-1" || same.RegionFactor != east.RegionFactor {
		t.Errorf("one region: %q factor %v", same.Region, same.RegionFactor)
	}
}
