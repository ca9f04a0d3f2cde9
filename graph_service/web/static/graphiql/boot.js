// GraphiQL against this service's /graphql. A bearer token goes in the Headers tab:
// {"authorization": "Bearer <token>"} (the explorer at /explore shows how to get one).
(function () {
  "use strict";
  const EXAMPLE = [
    "# Household graph service. Put your token in Headers below:",
    '#   {"authorization": "Bearer <token>"}',
    "{",
    "  myAccess { status rights scope nextSteps }",
    "}",
    "",
  ].join("\n");
  const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: EXAMPLE,
      defaultEditorToolsVisibility: true,
      defaultHeaders: '{"authorization": "Bearer "}',
      shouldPersistHeaders: false,
    }),
  );
})();
