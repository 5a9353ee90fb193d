// Package cidr plans IPv4 subnets inside a VPC block.
//
// The plan is a fixed grid: the VPC block is cut into TierSlots equal tier
// blocks (public, private, isolated and one spare), and every tier block into
// a fixed number of AZ slots. A subnet's address depends only on its tier and
// zone index, so adding a zone or a tier later never moves an existing
// subnet, which is what makes regenerated code safe to apply over deployed
// infrastructure.
package cidr

import (
	"errors"
	"fmt"
	"math/bits"
	"net/netip"
	"strings"
)

// TierSlots is the number of tier blocks reserved in every plan. Three are
// used today (public, private, isolated); the fourth keeps room for a tier
// such as transit-gateway attachments without renumbering.
const TierSlots = 4

// Limits on the VPC block: AWS allows /16 to /28, and the grid needs room
// for TierSlots × AZ slots subnets of at least /28.
const (
	MinVPCPrefix    = 16
	MaxVPCPrefix    = 24
	MaxSubnetPrefix = 28
)

// ErrNotCIDR reports text that is not an IPv4 CIDR block.
var ErrNotCIDR = errors.New("not an IPv4 CIDR block such as 10.0.0.0/16")

// ParseVPC parses and checks a VPC block: IPv4, a prefix between
// MinVPCPrefix and MaxVPCPrefix, and no host bits set.
func ParseVPC(text string) (netip.Prefix, error) {
	prefix, err := netip.ParsePrefix(strings.TrimSpace(text))
	if err != nil || !prefix.Addr().Is4() {
		return netip.Prefix{}, ErrNotCIDR
	}
	if prefix.Bits() < MinVPCPrefix || prefix.Bits() > MaxVPCPrefix {
		return netip.Prefix{}, fmt.Errorf("prefix length must be between /%d and /%d", MinVPCPrefix, MaxVPCPrefix)
	}
	if masked := prefix.Masked(); masked != prefix {
		return netip.Prefix{}, fmt.Errorf("host bits are set; did you mean %s?", masked)
	}
	return prefix, nil
}

// IsRFC1918 reports whether the whole block lies in a private range
// (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16).
func IsRFC1918(prefix netip.Prefix) bool {
	for _, private := range []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("172.16.0.0/12"),
		netip.MustParsePrefix("192.168.0.0/16"),
	} {
		if private.Bits() <= prefix.Bits() && private.Contains(prefix.Addr()) {
			return true
		}
	}
	return false
}

// MaxZoneSlots is the number of zone positions a tier block gets when the
// VPC is large enough: eight covers every AWS region (the largest has six
// zones) with room to spare.
const MaxZoneSlots = 8

// Plan is a subnet grid for one VPC block.
type Plan struct {
	// VPC is the block being divided.
	VPC netip.Prefix
	// AZSlots is the number of zone positions per tier, a power of two.
	AZSlots int
	// SubnetBits is the prefix length of every subnet.
	SubnetBits int
}

// NewPlan lays out vpc. The grid depends only on the VPC's prefix length,
// never on the region, so no change to a region's zone count can move a
// subnet: blocks up to /23 get MaxZoneSlots zone slots per tier, and a /24
// gets four, because eight would need subnets smaller than AWS's /28.
func NewPlan(vpc netip.Prefix) (Plan, error) {
	if vpc.Bits() < MinVPCPrefix || vpc.Bits() > MaxVPCPrefix {
		return Plan{}, fmt.Errorf("prefix length must be between /%d and /%d", MinVPCPrefix, MaxVPCPrefix)
	}
	tierBits := bits.Len(uint(TierSlots - 1))
	slots := MaxZoneSlots
	for vpc.Bits()+tierBits+bits.Len(uint(slots-1)) > MaxSubnetPrefix {
		slots /= 2
	}
	return Plan{VPC: vpc, AZSlots: slots, SubnetBits: vpc.Bits() + tierBits + bits.Len(uint(slots-1))}, nil
}

// Subnet returns the block of the given tier (0-based, < TierSlots) and zone
// index (0-based, < AZSlots).
func (p Plan) Subnet(tier, az int) (netip.Prefix, error) {
	if tier < 0 || tier >= TierSlots || az < 0 || az >= p.AZSlots {
		return netip.Prefix{}, fmt.Errorf("subnet (tier %d, zone %d) is outside the %d×%d grid", tier, az, TierSlots, p.AZSlots)
	}
	base := p.VPC.Addr().As4()
	start := uint32(base[0])<<24 | uint32(base[1])<<16 | uint32(base[2])<<8 | uint32(base[3])
	index := uint32(tier*p.AZSlots + az)
	start += index << (32 - p.SubnetBits)
	addr := netip.AddrFrom4([4]byte{byte(start >> 24), byte(start >> 16), byte(start >> 8), byte(start)})
	return netip.PrefixFrom(addr, p.SubnetBits), nil
}

// Usable returns the number of addresses in one subnet that instances can
// use: AWS reserves five in every subnet.
func (p Plan) Usable() int {
	return 1<<(32-p.SubnetBits) - 5
}
