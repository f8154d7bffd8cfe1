"""Reading corpora: files and tables into a corpus table, cleaning, streaming in chunks, NewsArticles."""
