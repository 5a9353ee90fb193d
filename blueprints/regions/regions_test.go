package regions

import "testing"

func TestAZCount(t *testing.T) {
	tests := []struct {
		region string
		want   int
		ok     bool
	}{
		{"us-east-1", 6, true},
		{"us-west-1", 2, true},
		{"eu-west-1", 3, true},
		{"mars-north-1", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.region, func(t *testing.T) {
			got, ok := AZCount(tt.region)
			if got != tt.want || ok != tt.ok {
				t.Errorf("AZCount(%q) = %d, %v; want %d, %v", tt.region, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestMaxAZsMatchesTable(t *testing.T) {
	largest := 0
	for _, name := range Names() {
		n, _ := AZCount(name)
		largest = max(largest, n)
	}
	if largest != MaxAZs {
		t.Errorf("MaxAZs = %d, table's largest count is %d", MaxAZs, largest)
	}
}

func TestClosest(t *testing.T) {
	if got := Closest("us-east-7"); got != "us-east-1" {
		t.Errorf("Closest(us-east-7) = %q", got)
	}
	if got := Closest("banana"); got != "" {
		t.Errorf("Closest(banana) = %q, want none", got)
	}
}

func TestLetter(t *testing.T) {
	if Letter(0) != "a" || Letter(5) != "f" {
		t.Errorf("Letter(0), Letter(5) = %q, %q", Letter(0), Letter(5))
	}
}
