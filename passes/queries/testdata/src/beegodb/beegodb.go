// Package beegodb runs its SQL through beego's ORM: raw SQL, QuerySeter
// chains from QueryTable to a finisher, and an Ormer's reads and writes
// of a model, whose columns beego maps at run time.
package beegodb // want `stats: 15 sites, 7 unresolved, 0 unparsed, 5 orm`

import (
	"context"

	"github.com/beego/beego/v2/client/orm"
)

type Book struct {
	BookId   int `orm:"pk"`
	BookName string
}

func (b *Book) TableName() string { return "books" }

type Member struct{ MemberId int }

func Raw(o orm.Ormer) { // want `issuesQueries\(.*\)`
	var books []Book
	o.Raw("SELECT * FROM books WHERE book_id = ?", 1).QueryRows(&books)                 // want `site orm read "SELECT \* FROM books WHERE book_id = \?"`
	o.Raw("DELETE FROM books WHERE book_id = ?", 1).Exec()                              // want `site orm write "DELETE FROM books WHERE book_id = \?"`
	o.RawWithCtx(context.Background(), "SELECT count(*) FROM books").QueryRow(new(int)) // want `site orm read "SELECT count\(\*\) FROM books"`
}

func Chains(ctx context.Context, o orm.Ormer, ids []int) { // want `issuesQueries\(.*\)`
	var books []Book
	var b Book
	o.QueryTable("books").Filter("book_id", 1).One(&b)                                                                                                  // want `site orm read "SELECT \* FROM books WHERE book_id = \$1 LIMIT 1"`
	o.QueryTable(new(Book)).Filter("status__in", 1, 2).Exclude("BookName__icontains", "x").OrderBy("-order_index", "book_id").Limit(10, 20).All(&books) // want `site orm read "SELECT \* FROM books WHERE status IN \(\$1, \$2\) AND NOT \(book_name ILIKE \$3\) ORDER BY order_index DESC, book_id LIMIT \$4 OFFSET \$5"`
	o.QueryTable(&Member{}).Filter("member_id__gte", 3).Count()                                                                                         // want `site orm read "SELECT count\(\*\) FROM member WHERE member_id >= \$1"`
	o.QueryTableWithCtx(ctx, "books").Filter("book_id", 1).Update(orm.Params{"book_name": "x"})                                                         // want `site orm write "UPDATE books SET book_name = \$1 WHERE book_id = \$2"`
	o.QueryTable("books").Filter("book_id__in", ids).Delete()                                                                                           // want `site orm write "DELETE FROM books WHERE book_id IN \(\$1\)"`
	o.QueryTable("books").Filter("member__name", "x").All(&books)                                                                                       // want `site orm read unresolved: beego Filter: a related model's field`
	qs := o.QueryTable("books")
	qs.All(&books) // want `site orm read unresolved: beego chain: the QuerySeter is held in a variable`
}

func Models(o orm.Ormer, b *Book) { // want `issuesQueries\(.*\)`
	o.Read(b)                       // want `site orm read unresolved: beego Read: the model's columns are mapped by beego at run time`
	o.Insert(b)                     // want `site orm write unresolved: beego Insert: the model's columns are mapped by beego at run time`
	o.Update(b, "BookName")         // want `site orm write unresolved: beego Update: the model's columns are mapped by beego at run time`
	o.Delete(b)                     // want `site orm write unresolved: beego Delete: the model's columns are mapped by beego at run time`
	o.QueryM2M(b, "Members").Add(1) // want `site orm write unresolved: beego Add`
	o.Begin()
	o.DBStats()
}
