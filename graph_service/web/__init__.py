"""The pages the service serves to browsers: GraphiQL and the relationship explorer, with
every asset shipped in the package (nothing is loaded from another origin)."""
