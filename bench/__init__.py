"""`make bench`: our platform measured against stock Saleor 2.10.1, in the same run."""
