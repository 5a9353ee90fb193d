package cidr

import (
	"net/netip"
	"testing"
)

func TestParseVPC(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{in: "10.0.0.0/16", want: "10.0.0.0/16"},
		{in: " 192.168.4.0/24 ", want: "192.168.4.0/24"},
		{in: "10.0.0.0/8", wantErr: "prefix length must be between /16 and /24"},
		{in: "10.0.0.0/25", wantErr: "prefix length must be between /16 and /24"},
		{in: "banana", wantErr: "not an IPv4 CIDR block such as 10.0.0.0/16"},
		{in: "10.0.0.0", wantErr: "not an IPv4 CIDR block such as 10.0.0.0/16"},
		{in: "fd00::/16", wantErr: "not an IPv4 CIDR block such as 10.0.0.0/16"},
		{in: "10.0.1.0/16", wantErr: "host bits are set; did you mean 10.0.0.0/16?"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseVPC(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("ParseVPC(%q) error = %v, want %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseVPC(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestIsRFC1918(t *testing.T) {
	tests := map[string]bool{
		"10.0.0.0/16":    true,
		"172.16.0.0/16":  true,
		"172.31.0.0/16":  true,
		"172.32.0.0/16":  false,
		"192.168.0.0/16": true,
		"100.64.0.0/16":  false,
		"8.8.0.0/16":     false,
	}
	for in, want := range tests {
		if got := IsRFC1918(netip.MustParsePrefix(in)); got != want {
			t.Errorf("IsRFC1918(%s) = %v, want %v", in, got, want)
		}
	}
}

func TestPlanLayout(t *testing.T) {
	tests := []struct {
		name       string
		vpc        string
		maxAZs     int
		tier, az   int
		want       string
		wantUsable int
	}{
		{"us-east-1 public a", "10.0.0.0/16", 6, 0, 0, "10.0.0.0/21", 2043},
		{"us-east-1 public b", "10.0.0.0/16", 6, 0, 1, "10.0.8.0/21", 2043},
		{"us-east-1 private a", "10.0.0.0/16", 6, 1, 0, "10.0.64.0/21", 2043},
		{"us-east-1 isolated c", "10.0.0.0/16", 6, 2, 2, "10.0.144.0/21", 2043},
		{"3-zone region private c", "10.0.0.0/16", 3, 1, 2, "10.0.96.0/20", 4091},
		{"3-zone /24 isolated c", "192.168.1.0/24", 3, 2, 2, "192.168.1.160/28", 11},
		{"2-zone region", "10.1.0.0/20", 2, 1, 1, "10.1.6.0/23", 507},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := NewPlan(netip.MustParsePrefix(tt.vpc), tt.maxAZs)
			if err != nil {
				t.Fatal(err)
			}
			got, err := plan.Subnet(tt.tier, tt.az)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want || plan.Usable() != tt.wantUsable {
				t.Errorf("Subnet(%d, %d) = %s (usable %d), want %s (usable %d)", tt.tier, tt.az, got, plan.Usable(), tt.want, tt.wantUsable)
			}
		})
	}
}

func TestPlanTooSmall(t *testing.T) {
	_, err := NewPlan(netip.MustParsePrefix("10.0.0.0/24"), 6)
	want := "too small for 4 tiers × 8 zone slots (subnets would be /29, AWS's smallest is /28); use /23 or a shorter prefix"
	if err == nil || err.Error() != want {
		t.Fatalf("NewPlan error = %v, want %q", err, want)
	}
}

func TestSubnetOutsideGrid(t *testing.T) {
	plan, err := NewPlan(netip.MustParsePrefix("10.0.0.0/16"), 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Subnet(0, 4); err == nil {
		t.Error("Subnet(0, 4) on a 4-slot grid succeeded")
	}
	if _, err := plan.Subnet(4, 0); err == nil {
		t.Error("Subnet(4, 0) succeeded")
	}
}

// FuzzPlan checks the planner's invariants on arbitrary input: every subnet
// lies inside the VPC, has the plan's size, and no two subnets overlap.
func FuzzPlan(f *testing.F) {
	f.Add("10.0.0.0/16", 6)
	f.Add("192.168.0.0/24", 3)
	f.Add("172.16.0.0/20", 2)
	f.Add("banana", 1)
	f.Fuzz(func(t *testing.T, text string, maxAZs int) {
		vpc, err := ParseVPC(text)
		if err != nil {
			return
		}
		if maxAZs < 1 || maxAZs > 8 {
			return
		}
		plan, err := NewPlan(vpc, maxAZs)
		if err != nil {
			return
		}
		var seen []netip.Prefix
		for tier := 0; tier < TierSlots; tier++ {
			for az := 0; az < plan.AZSlots; az++ {
				subnet, err := plan.Subnet(tier, az)
				if err != nil {
					t.Fatal(err)
				}
				if !vpc.Contains(subnet.Addr()) || subnet.Bits() != plan.SubnetBits || subnet.Masked() != subnet {
					t.Fatalf("subnet %s of %s is malformed", subnet, vpc)
				}
				for _, other := range seen {
					if other.Overlaps(subnet) {
						t.Fatalf("subnets %s and %s overlap", other, subnet)
					}
				}
				seen = append(seen, subnet)
			}
		}
	})
}
