// The explorer's only way to the data: the public GraphQL API, with the user's bearer token.
// Every document is a constant here, so a deployment that runs registered operations only
// (trusted documents) can register exactly these.

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export async function graphql(token, query, variables = {}) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = "Bearer " + token;
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError("The service did not answer (" + error.message + ").", "NETWORK");
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError("The service answered HTTP " + response.status + ".", "HTTP");
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    const code = (first.extensions && first.extensions.code) || "ERROR";
    throw new ApiError(first.message, code);
  }
  return body.data;
}

export const MY_ACCESS = `query ExplorerMyAccess {
  myAccess {
    employeeId name status track location rights scope validThrough lostOn lostReason
    activeBy quizDue nextSteps support { name email phone url }
  }
}`;

export const SEARCH_HOUSEHOLDS = `query ExplorerSearchHouseholds($by: HouseholdSearch!, $asOf: Date) {
  households(by: $by, first: 20, asOf: $asOf) {
    nodes {
      id name
      addresses { physical address { number street apartment city } }
      members { person { id firstName lastName } }
    }
  }
}`;

export const SEARCH_PEOPLE = `query ExplorerSearchPeople($by: PersonSearch!, $asOf: Date) {
  people(by: $by, first: 20, asOf: $asOf) {
    nodes { id firstName lastName birthDate studentNumber }
  }
}`;

export const NETWORK = `query ExplorerNetwork($personId: ID, $householdId: ID, $depth: Int!, $asOf: Date) {
  relationshipNetwork(personId: $personId, householdId: $householdId, depth: $depth, asOf: $asOf) {
    asOf depth truncated
    center { id kind label }
    nodes { id kind label depth }
    edges {
      id kind source target label guardian householdRelationship secondary startDate endDate
    }
  }
}`;

const RELATIONSHIP = `id label type guardian householdRelationship emergencyPriority livesWith
  contactRestrictions otherFirstName otherLastName startDate endDate person { id }`;

export const PERSON = `query ExplorerPerson($id: ID!, $asOf: Date) {
  person(id: $id, asOf: $asOf) {
    id firstName middleName lastName preferredName birthDate studentNumber
    memberships {
      secondary startDate endDate
      household { id name addresses { physical mailing address { number street apartment city state zip } } }
    }
    guardians { ${RELATIONSHIP} }
    emergencyContacts { ${RELATIONSHIP} }
    householdRelationships { ${RELATIONSHIP} }
    nonHouseholdRelationships { ${RELATIONSHIP} }
    phones { priority phone { number type } }
    enrollments { grade startDate school { name } }
  }
}`;

export const HOUSEHOLD = `query ExplorerHousehold($id: ID!, $asOf: Date) {
  household(id: $id, asOf: $asOf) {
    id name comments
    addresses { physical mailing secondary startDate endDate address { number street apartment city state zip } }
    phones { priority phone { number type } }
    members {
      secondary startDate endDate
      person {
        id firstName lastName
        householdRelationships { ${RELATIONSHIP} }
        nonHouseholdRelationships { ${RELATIONSHIP} }
      }
    }
  }
}`;

export const CONTACTS = `query ExplorerContacts($id: ID!, $asOf: Date) {
  household(id: $id, asOf: $asOf) {
    id
    addresses { physical mailing address { id number street apartment city state zip } }
    phones { priority phone { id number type } }
  }
}`;

export const CONNECTION = `query ExplorerConnection($from: ID!, $to: ID!, $asOf: Date) {
  connection(fromPersonId: $from, toPersonId: $to, asOf: $asOf) {
    length
    fromPerson { id kind label }
    toPerson { id kind label }
    paths { description source { id kind label } target { id kind label } }
  }
}`;

export const SHARING = `query ExplorerSharing($by: SharedBy!, $ever: Boolean!, $asOf: Date) {
  householdsSharing(by: $by, ever: $ever, asOf: $asOf, first: 50) {
    totalCount
    items { sharedBy label householdCount households { id kind label } }
  }
}`;

export const DUPLICATES = `query ExplorerDuplicates($asOf: Date) {
  duplicateCandidates(asOf: $asOf, first: 50) {
    totalCount
    items { birthDate evidence first { id kind label } second { id kind label } }
  }
}`;

export const CENSUS_REPORT = `query ExplorerCensusReport($asOf: Date) {
  censusReport(asOf: $asOf) { rule count }
}`;

export const FINDINGS = `query ExplorerFindings($rule: CensusRule!, $asOf: Date) {
  censusFindings(rule: $rule, asOf: $asOf, first: 50) {
    totalCount
    items { rule detail subject { id kind label } related { id kind label } }
  }
}`;

/** The raw id inside a global id ("Relationship:<uuid>" base64), as network edges carry it. */
export function rawId(globalId) {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(":");
    return colon > 0 ? decoded.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}
