package lab

import (
	"fmt"
	"math/bits"
	"net/netip"
	"slices"
)

// Capacity is the number of /blockBits blocks in pool.
func Capacity(pool netip.Prefix, blockBits int) int {
	if blockBits < pool.Bits() {
		return 0
	}
	shift := blockBits - pool.Bits()
	if shift >= 31 {
		return 1 << 31
	}
	return 1 << shift
}

// PoolError says a pool is too small for the class, and what would fit.
type PoolError struct {
	Pool      netip.Prefix
	BlockBits int
	Students  int
	// Reserved is the number of blocks removed students still hold.
	Reserved int
}

func (e *PoolError) Error() string {
	fit := Capacity(e.Pool, e.BlockBits)
	need := bits.Len(uint(e.Students + e.Reserved - 1)) // blocks needed, as a power of two
	msg := fmt.Sprintf("cidr_pool %s holds %d blocks of /%d, and the lab has %d students", e.Pool, fit, e.BlockBits, e.Students)
	if e.Reserved > 0 {
		msg += fmt.Sprintf(" (and %d removed students whose folders still hold their blocks)", e.Reserved)
	}
	if e.BlockBits-need >= 1 {
		msg += fmt.Sprintf(": use a /%d or larger pool", e.BlockBits-need)
	}
	if smaller := e.Pool.Bits() + need; smaller <= blockBitsMax() && smaller > e.BlockBits {
		msg += fmt.Sprintf(", or smaller student networks (vpc prefix_length: %d gives %d blocks)", smaller, Capacity(e.Pool, smaller))
	}
	return msg
}

func blockBitsMax() int { _, hi := blockBitsRange(); return hi }

// Allocate gives every student (by ID, in order) a /blockBits block of
// pool. A student who held a block before (previous, read from the last
// run's roster) keeps it if it still lies in the pool with the same size;
// blocks of previous students no longer listed stay taken (their
// resources may still run); everyone else takes the lowest block nobody
// holds. With no previous blocks the i-th student gets the i-th block, so
// appending a student never moves another; the previous blocks make
// inserting or removing one safe too.
func Allocate(pool netip.Prefix, blockBits int, ids []string, previous map[string]netip.Prefix) ([]netip.Prefix, error) {
	if !pool.IsValid() || !pool.Addr().Is4() || blockBits > 32 {
		return nil, fmt.Errorf("cannot cut /%d blocks from %s", blockBits, pool)
	}
	capacity := Capacity(pool, blockBits)
	if len(ids) > capacity {
		return nil, &PoolError{Pool: pool.Masked(), BlockBits: blockBits, Students: len(ids)}
	}
	listed := make(map[string]bool, len(ids))
	for _, id := range ids {
		listed[id] = true
	}
	base := pool.Masked().Addr().As4()
	start := uint32(base[0])<<24 | uint32(base[1])<<16 | uint32(base[2])<<8 | uint32(base[3])
	size := uint64(1) << (32 - blockBits)
	block := func(i int) netip.Prefix {
		a := start + uint32(uint64(i)*size)
		return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}), blockBits)
	}
	index := func(p netip.Prefix) (int, bool) {
		if p.Bits() != blockBits || !pool.Contains(p.Addr()) || p.Masked() != p {
			return 0, false
		}
		a := p.Addr().As4()
		v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
		return int(uint64(v-start) / size), true
	}

	out := make([]netip.Prefix, len(ids))
	taken := make(map[int]bool, len(previous))
	for i, id := range ids {
		if p, ok := previous[id]; ok {
			if n, ok := index(p); ok && !taken[n] {
				out[i] = p
				taken[n] = true
			}
		}
	}
	reserved := 0
	for _, id := range sortedKeys(previous) {
		if listed[id] {
			continue
		}
		if n, ok := index(previous[id]); ok && !taken[n] {
			taken[n] = true
			reserved++
		}
	}
	next := 0
	for i := range ids {
		if out[i].IsValid() {
			continue
		}
		for taken[next] {
			next++
		}
		if next >= capacity {
			return nil, &PoolError{Pool: pool.Masked(), BlockBits: blockBits, Students: len(ids), Reserved: reserved}
		}
		out[i] = block(next)
		taken[next] = true
	}
	return out, nil
}

// sortedKeys lists a map's keys in order, so that which of two removed
// students claiming one block keeps it does not depend on map order.
func sortedKeys(m map[string]netip.Prefix) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
