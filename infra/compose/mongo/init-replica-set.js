// Run by the one-shot mongo-init service (mongosh, connected directly to mongo1).
// Initiates the replica set rs0 if it is not initiated yet, so it is safe to run on every start,
// then waits until the set has a primary and a majority of its members healthy (what a
// w=majority write needs), and exits 0; exits 1 if that does not happen in time.

const config = {
  _id: "rs0",
  members: [
    { _id: 0, host: "mongo1:27017" },
    { _id: 1, host: "mongo2:27017" },
    { _id: 2, host: "mongo3:27017" },
  ],
};
const NOT_YET_INITIALIZED = 94;
const ALREADY_INITIALIZED = 23;
const WAIT_SECONDS = 120;

function isInitiated() {
  try {
    rs.status();
    return true;
  } catch (e) {
    if (e.code === NOT_YET_INITIALIZED || e.codeName === "NotYetInitialized") {
      return false;
    }
    throw e;
  }
}

if (isInitiated()) {
  print("rs0: already initiated");
} else {
  try {
    rs.initiate(config);
    print("rs0: initiated with mongo1, mongo2, mongo3");
  } catch (e) {
    if (e.code !== ALREADY_INITIALIZED && e.codeName !== "AlreadyInitialized") {
      throw e;
    }
    print("rs0: already initiated");
  }
}

const majority = Math.floor(config.members.length / 2) + 1;
let ready = false;
for (let waited = 0; waited < WAIT_SECONDS && !ready; waited++) {
  try {
    const members = rs.status().members;
    const primary = members.find((m) => m.stateStr === "PRIMARY");
    const healthy = members.filter((m) => m.stateStr === "PRIMARY" || m.stateStr === "SECONDARY").length;
    if (primary && healthy >= majority) {
      print(`rs0: primary ${primary.name}, ${healthy} of ${members.length} members healthy`);
      ready = true;
    }
  } catch (e) {
    // The set may still be electing or applying its configuration: try again.
    print(`rs0: not ready yet (${e.message})`);
  }
  if (!ready) {
    sleep(1000);
  }
}
if (!ready) {
  print(`rs0: no primary with a healthy majority after ${WAIT_SECONDS} s`);
}
quit(ready ? 0 : 1);
