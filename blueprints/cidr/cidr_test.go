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
		tier, az   int
		want       string
		wantUsable int
	}{
		{"/16 public a", "10.0.0.0/16", 0, 0, "10.0.0.0/21", 2043},
		{"/16 public b", "10.0.0.0/16", 0, 1, "10.0.8.0/21", 2043},
		{"/16 private a", "10.0.0.0/16", 1, 0, "10.0.64.0/21", 2043},
		{"/16 isolated c", "10.0.0.0/16", 2, 2, "10.0.144.0/21", 2043},
		{"/16 public h", "10.0.0.0/16", 0, 7, "10.0.56.0/21", 2043},
		{"/20 private b", "10.1.0.0/20", 1, 1, "10.1.4.128/25", 123},
		{"/23 isolated c", "192.168.2.0/23", 2, 2, "192.168.3.32/28", 11},
		{"/24 isolated c", "192.168.1.0/24", 2, 2, "192.168.1.160/28", 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := NewPlan(netip.MustParsePrefix(tt.vpc))
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

func TestZoneSlots(t *testing.T) {
	for bits, want := range map[int]int{16: 8, 20: 8, 23: 8, 24: 4} {
		plan, err := NewPlan(netip.PrefixFrom(netip.MustParseAddr("10.0.0.0"), bits))
		if err != nil {
			t.Fatal(err)
		}
		if plan.AZSlots != want || plan.SubnetBits > MaxSubnetPrefix {
			t.Errorf("/%d: %d slots of /%d, want %d slots of at most /%d", bits, plan.AZSlots, plan.SubnetBits, want, MaxSubnetPrefix)
		}
	}
	if _, err := NewPlan(netip.MustParsePrefix("10.0.0.0/8")); err == nil {
		t.Error("NewPlan accepted a /8")
	}
}

func TestSubnetOutsideGrid(t *testing.T) {
	plan, err := NewPlan(netip.MustParsePrefix("10.0.0.0/24"))
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
	f.Add("10.0.0.0/16")
	f.Add("192.168.0.0/24")
	f.Add("172.16.0.0/20")
	f.Add("banana")
	f.Fuzz(func(t *testing.T, text string) {
		vpc, err := ParseVPC(text)
		if err != nil {
			return
		}
		plan, err := NewPlan(vpc)
		if err != nil {
			t.Fatalf("NewPlan rejected a block ParseVPC accepted: %v", err)
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
