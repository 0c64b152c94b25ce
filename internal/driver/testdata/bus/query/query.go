// Package query holds the bus's messages.
package query

type Post struct {
	ID    int
	Title string
}

type GetPost struct {
	ID     int
	Result *Post
}

type ListPosts struct {
	Result []*Post
}

type AddVote struct {
	PostID int
}

type PostViewed struct {
	PostID int
}

type GetSession struct {
	UserID int
}

type HidePosts struct {
	IDs []int
}

type PurgePosts struct {
	IDs []int
}
