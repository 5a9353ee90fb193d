package asgspot

// Split is how many instances of a group's capacity are On-Demand and how
// many Spot, as EC2 Auto Scaling fills a mixed instances policy.
type Split struct {
	Capacity, OnDemand, Spot int
}

// SplitAt computes the split for a capacity: the On-Demand base first, then
// onDemandPercent of the rest as On-Demand. A fractional On-Demand count is
// rounded up, in favour of On-Demand, as AWS documents for Auto Scaling.
func SplitAt(capacity, onDemandBase, onDemandPercent int) Split {
	base := min(capacity, onDemandBase)
	above := capacity - base
	onDemand := base + (above*onDemandPercent+99)/100
	return Split{Capacity: capacity, OnDemand: onDemand, Spot: capacity - onDemand}
}
