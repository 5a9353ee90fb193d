package vpc

import (
	"fmt"
	"net/netip"
	"regexp"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// cidrSubnet is Terraform's cidrsubnet(block, newBits, netNum), computed
// here independently of the cidr package, so that the test compares two
// derivations of each subnet rather than one with itself.
func cidrSubnet(t *testing.T, block netip.Prefix, newBits, netNum int) netip.Prefix {
	t.Helper()
	bits := block.Bits() + newBits
	if bits > 32 || netNum >= 1<<newBits {
		t.Fatalf("cidrsubnet(%s, %d, %d) does not exist", block, newBits, netNum)
	}
	a := block.Masked().Addr().As4()
	start := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	start |= uint32(netNum) << (32 - bits)
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(start >> 24), byte(start >> 16), byte(start >> 8), byte(start)}), bits)
}

// TestCIDRParameterMatchesPlan builds the VPC with and without the block
// parameter and checks that every subnet's CIDRSubnet, evaluated against
// the default block, is exactly the block plan.Subnet gave the literal
// graph, for several block sizes and zone counts.
func TestCIDRParameterMatchesPlan(t *testing.T) {
	tests := []struct {
		block string
		azs   []int
	}{
		{"10.0.0.0/16", []int{1, 2, 3, 6}},
		{"172.16.32.0/20", []int{1, 3, 6}},
		{"192.168.7.0/24", []int{1, 2, 4}},
	}
	for _, tt := range tests {
		for _, azs := range tt.azs {
			t.Run(fmt.Sprintf("%s/%d zones", tt.block, azs), func(t *testing.T) {
				p := Defaults()
				p.CIDR, p.AZs, p.Isolated = tt.block, azs, true
				literal, err := Build(p)
				if err != nil {
					t.Fatalf("Build: %v", err)
				}
				p.CIDRParameter = true
				parameterized, err := Build(p)
				if err != nil {
					t.Fatalf("Build with CIDRParameter: %v", err)
				}
				block := netip.MustParsePrefix(tt.block)

				param := parameterized.Parameter(CIDRParam)
				if param == nil {
					t.Fatalf("no %q parameter", CIDRParam)
				}
				if param.Default != graph.String(tt.block) {
					t.Errorf("default = %v, want %s", param.Default, tt.block)
				}
				if got := parameterized.Component("vpc").Property("cidr_block"); got != graph.Param(CIDRParam) {
					t.Errorf("VPC cidr_block = %#v, want the parameter", got)
				}

				subnets := 0
				for _, c := range literal.Components {
					if c.Kind != graph.KindSubnet {
						continue
					}
					subnets++
					want := netip.MustParsePrefix(string(c.Property("cidr_block").(graph.String)))
					v, ok := parameterized.Component(c.ID).Property("cidr_block").(graph.CIDRSubnet)
					if !ok {
						t.Fatalf("%s: cidr_block is %T, want graph.CIDRSubnet", c.ID, parameterized.Component(c.ID).Property("cidr_block"))
					}
					if v.Block != graph.Param(CIDRParam) || v.BlockBits != block.Bits() {
						t.Errorf("%s: block %#v /%d, want the parameter /%d", c.ID, v.Block, v.BlockBits, block.Bits())
					}
					if got := cidrSubnet(t, block, v.NewBits, v.NetNum); got != want {
						t.Errorf("%s: cidrsubnet(%s, %d, %d) = %s, plan.Subnet gave %s", c.ID, block, v.NewBits, v.NetNum, got, want)
					}
					// CloudFormation's !Cidr makes at most 256 subnets.
					if v.NewBits > 8 {
						t.Errorf("%s: %d new bits is more than CloudFormation can cut", c.ID, v.NewBits)
					}
				}
				if subnets != 3*azs {
					t.Errorf("%d subnets, want %d", subnets, 3*azs)
				}
			})
		}
	}
}

func TestCIDRPattern(t *testing.T) {
	pattern := regexp.MustCompile(CIDRPattern(20))
	for _, s := range []string{"10.0.0.0/20", "172.16.32.0/20", "255.255.255.255/20", "0.0.0.0/20", "192.168.100.0/20"} {
		if !pattern.MatchString(s) {
			t.Errorf("%q does not match %s", s, pattern)
		}
	}
	for _, s := range []string{
		"10.0.0.0/16", "10.0.0.0/2", "10.0.0.0/200", "256.0.0.0/20", "10.0.0/20", "10.0.0.0.0/20",
		"010.0.0.0/20", "10.0.0.0/20 ", " 10.0.0.0/20", "10a0.0.0/20", "10.0.0.0", "",
	} {
		if pattern.MatchString(s) {
			t.Errorf("%q matches %s", s, pattern)
		}
	}
}

// TestCIDRParameterOff checks that the option leaves the graph as it was:
// no parameter, literal blocks.
func TestCIDRParameterOff(t *testing.T) {
	g, err := Build(Defaults())
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if g.Parameter(CIDRParam) != nil {
		t.Errorf("parameter %q declared without CIDRParameter", CIDRParam)
	}
	if got := g.Component("vpc").Property("cidr_block"); got != graph.String("10.0.0.0/16") {
		t.Errorf("VPC cidr_block = %#v", got)
	}
}
