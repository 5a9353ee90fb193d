package lab

import (
	"errors"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"
)

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = NumberedID(i + 1)
	}
	return out
}

// overlapping returns the first pair of blocks that overlap, or -1s.
// Sorting by address makes it O(n log n): after sorting, any overlap is
// between neighbours.
func overlapping(blocks []netip.Prefix) (netip.Prefix, netip.Prefix, bool) {
	sorted := slices.Clone(blocks)
	slices.SortFunc(sorted, func(a, b netip.Prefix) int { return a.Addr().Compare(b.Addr()) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i-1].Overlaps(sorted[i]) {
			return sorted[i-1], sorted[i], true
		}
	}
	return netip.Prefix{}, netip.Prefix{}, false
}

func TestAllocateFirstBlocks(t *testing.T) {
	got, err := Allocate(netip.MustParsePrefix("10.0.0.0/8"), 20, ids(3), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("student %d: %s, want %s", i, got[i], want[i])
		}
	}
}

// TestAllocateProperties checks, for 1,000 students over pools and block
// sizes, that no two blocks overlap, every block lies in the pool, and
// adding a student (at the end without a previous roster, anywhere with
// one) moves no one.
func TestAllocateProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 27))
	for _, tc := range []struct {
		pool string
		bits int
	}{
		{"10.0.0.0/8", 20}, {"10.0.0.0/8", 16}, {"172.16.0.0/12", 24}, {"10.64.0.0/10", 22}, {"192.168.0.0/16", 26},
	} {
		pool := netip.MustParsePrefix(tc.pool)
		n := min(1000, Capacity(pool, tc.bits)-1)
		students := ids(n)
		blocks, err := Allocate(pool, tc.bits, students, nil)
		if err != nil {
			t.Fatalf("%s /%d: %v", tc.pool, tc.bits, err)
		}
		if a, b, bad := overlapping(blocks); bad {
			t.Fatalf("%s /%d: %s overlaps %s", tc.pool, tc.bits, a, b)
		}
		for i, b := range blocks {
			if b.Bits() != tc.bits || !pool.Contains(b.Addr()) || b.Masked() != b {
				t.Fatalf("%s /%d: student %d got %s", tc.pool, tc.bits, i, b)
			}
		}

		// One more at the end, with no memory of the last run.
		more, err := Allocate(pool, tc.bits, append(slices.Clone(students), "newcomer"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(more[:n], blocks) {
			t.Fatalf("%s /%d: appending a student moved others", tc.pool, tc.bits)
		}

		// One more at a random place, and one removed, with the last run's
		// blocks: everyone who stays keeps their block.
		previous := map[string]netip.Prefix{}
		for i, id := range students {
			previous[id] = blocks[i]
		}
		at := r.IntN(n + 1)
		gone := r.IntN(n)
		changed := slices.Insert(slices.Clone(students), at, "newcomer")
		if gone >= at {
			gone++
		}
		removed := changed[gone]
		changed = slices.Delete(changed, gone, gone+1)
		again, err := Allocate(pool, tc.bits, changed, previous)
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range changed {
			if old, ok := previous[id]; ok && again[i] != old {
				t.Fatalf("%s /%d: %s moved from %s to %s after inserting at %d and removing %s", tc.pool, tc.bits, id, old, again[i], at, removed)
			}
		}
		// The removed student's block stays taken: no overlap with it
		// either.
		if a, b, bad := overlapping(append(slices.Clone(again), previous[removed])); bad {
			t.Fatalf("%s /%d after a change: %s overlaps %s (the removed student's block was %s)", tc.pool, tc.bits, a, b, previous[removed])
		}
	}
}

func TestAllocateRejects(t *testing.T) {
	pool := netip.MustParsePrefix("10.0.0.0/16")
	if _, err := Allocate(pool, 20, ids(17), nil); err == nil {
		t.Error("17 /20 blocks fit in a /16")
	}
	if got, err := Allocate(pool, 20, ids(16), nil); err != nil || got[15].String() != "10.0.240.0/20" {
		t.Errorf("16 blocks: %v %v", got, err)
	}
	var pe *PoolError
	if _, err := Allocate(pool, 8, ids(1), nil); !errors.As(err, &pe) {
		t.Errorf("a /8 block from a /16: want a PoolError, got %v", err)
	}
	// A previous block outside the pool, of another size or held twice is
	// ignored rather than trusted.
	previous := map[string]netip.Prefix{
		"student-001": netip.MustParsePrefix("192.168.0.0/20"),
		"student-002": netip.MustParsePrefix("10.0.32.0/21"),
		"student-003": netip.MustParsePrefix("10.0.0.0/20"),
		"student-004": netip.MustParsePrefix("10.0.0.0/20"),
	}
	got, err := Allocate(pool, 20, ids(4), previous)
	if err != nil {
		t.Fatal(err)
	}
	if got[2].String() != "10.0.0.0/20" {
		t.Errorf("student-003 lost its block: %v", got)
	}
	if a, b, bad := overlapping(got); bad {
		t.Errorf("%s overlaps %s", a, b)
	}
}
