"""Loading data in bulk: the demo district and CSV files a district exports."""
