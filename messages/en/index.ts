// Interface text of this language, one JSON file per area of the app.
import common from "./common.json";
import home from "./home.json";

const messages = { common, home };
export default messages;
