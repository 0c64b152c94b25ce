package queries

import (
	"go/types"
	"strings"
	"unicode"
)

// Tenants. A multi-tenant service partitions its data by organization,
// tenant, workspace or environment, and its background jobs do their work
// one tenant at a time:
//
//	orgs, err := s.orgs.ListAll(ctx)
//	for _, org := range orgs {
//		if err := s.syncAlertmanager(ctx, org.ID); err != nil { // bulk work of one org
//			...
//		}
//	}
//
// Each iteration is the tenant's own unit of work — its own settings,
// its own rows fetched in bulk, often its own lock or upstream call —
// not one item of a list the job could read in one statement: the loop
// is how the job is partitioned, and its count is the number of
// customers, not of rows. The driver is silent on a queryinloop finding
// every loop of which ranges over tenants, where only jobs run it; on a
// request path, where a user's few organizations are listed with a query
// each, it still reports.

// tenantWords are the head nouns of the types that name a tenant.
var tenantWords = map[string]bool{
	"org":          true,
	"organization": true,
	"organisation": true,
	"tenant":       true,
	"workspace":    true,
	"environment":  true,
}

// TenantType reports whether t, a list's element, is a tenant: a named
// type (or a pointer to one) whose name ends in one of tenantWords,
// version suffixes aside (Organization, *StorableOrg, EnvironmentV2).
func TenantType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return false // an id (type OrgID string) is not the tenant's record
	}
	return tenantWords[headNoun(n.Obj().Name())]
}

// headNoun is the last word of a camel-case name, lower-cased, leaving
// out a version suffix (V2) and trailing digits: Organization of
// StorableOrganization, org of HTTPOrg, environment of EnvironmentV2.
func headNoun(name string) string {
	base := strings.TrimRightFunc(name, unicode.IsDigit)
	if base != name && len(base) > 1 && strings.HasSuffix(base, "V") {
		base = base[:len(base)-1]
	}
	rs := []rune(base)
	last := 0
	for i := 1; i < len(rs); i++ {
		if !unicode.IsUpper(rs[i]) {
			continue
		}
		if !unicode.IsUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
			last = i // aB, or the B of ABc
		}
	}
	return strings.ToLower(string(rs[last:]))
}
