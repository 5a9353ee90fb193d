package lab

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// progress draws "students 300/1000 [=====>    ] 850/s" on a terminal,
// redrawn in place a few times a second; elsewhere (a pipe, CI logs) it
// stays quiet. A nil *progress does nothing.
type progress struct {
	w     io.Writer
	total int
	count atomic.Int64
	now   func() time.Time
	start time.Time
	stop  chan struct{}
	wg    sync.WaitGroup
}

// barWidth keeps the whole line (counts, bar, rate) within 80 columns.
const barWidth = 30

func newProgress(opts *GenerateOptions, total int) *progress {
	if !opts.IO.ErrTerminal {
		return nil
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	p := &progress{w: opts.IO.ErrOut, total: total, now: now, start: now(), stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				p.draw()
			}
		}
	}()
	return p
}

func (p *progress) done() {
	if p != nil {
		p.count.Add(1)
	}
}

func (p *progress) draw() {
	n := int(p.count.Load())
	filled := barWidth * n / max(p.total, 1)
	bar := strings.Repeat("=", filled)
	if filled < barWidth {
		bar += ">" + strings.Repeat(" ", barWidth-filled-1)
	}
	rate := ""
	if elapsed := p.now().Sub(p.start).Seconds(); elapsed > 0 {
		rate = fmt.Sprintf(" %.0f/s", float64(n)/elapsed)
	}
	fmt.Fprintf(p.w, "\rstudents %d/%d [%s]%s ", n, p.total, bar, rate)
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.draw()
	fmt.Fprintln(p.w)
}
