// Package regions is the built-in table of AWS commercial regions and how
// many Availability Zones each offers to a typical account. Blueprints use it
// to validate --region and --azs without calling AWS.
//
// The counts are the zones a new account can use (us-west-1 has a third zone
// that new accounts are not given); they were checked against AWS's
// published region list and should be reviewed when AWS opens a region or
// a zone.
package regions

import (
	"sort"
	"strings"
)

// azCounts maps region code to the number of Availability Zones.
var azCounts = map[string]int{
	"af-south-1":     3,
	"ap-east-1":      3,
	"ap-east-2":      3,
	"ap-northeast-1": 3,
	"ap-northeast-2": 4,
	"ap-northeast-3": 3,
	"ap-south-1":     3,
	"ap-south-2":     3,
	"ap-southeast-1": 3,
	"ap-southeast-2": 3,
	"ap-southeast-3": 3,
	"ap-southeast-4": 3,
	"ap-southeast-5": 3,
	"ap-southeast-7": 3,
	"ca-central-1":   3,
	"ca-west-1":      3,
	"eu-central-1":   3,
	"eu-central-2":   3,
	"eu-north-1":     3,
	"eu-south-1":     3,
	"eu-south-2":     3,
	"eu-west-1":      3,
	"eu-west-2":      3,
	"eu-west-3":      3,
	"il-central-1":   3,
	"me-central-1":   3,
	"me-south-1":     3,
	"mx-central-1":   3,
	"sa-east-1":      3,
	"us-east-1":      6,
	"us-east-2":      3,
	"us-west-1":      2,
	"us-west-2":      4,
}

// MaxAZs is the largest zone count of any region in the table.
const MaxAZs = 6

// AZCount returns the number of Availability Zones in region and whether
// the region is known.
func AZCount(region string) (int, bool) {
	n, ok := azCounts[region]
	return n, ok
}

// Names returns every known region code, sorted.
func Names() []string {
	names := make([]string, 0, len(azCounts))
	for name := range azCounts {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Closest returns the known region that shares the longest prefix with
// region, so an error can suggest "did you mean us-east-1?".
func Closest(region string) string {
	best, bestLen := "", 0
	for _, name := range Names() {
		n := commonPrefix(name, region)
		if n > bestLen {
			best, bestLen = name, n
		}
	}
	if bestLen < 3 {
		return ""
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// Letter returns the label of the index-th zone ("a" for 0). It is a label
// for the zone's position in the region's list, not the zone's real name,
// because templates resolve names at deploy time.
func Letter(index int) string {
	return strings.ToLower(string(rune('A' + index)))
}
