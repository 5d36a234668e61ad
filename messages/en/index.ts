// Interface text of this language, one JSON file per area of the app.
import common from "./common.json";
import home from "./home.json";
import respondent from "./respondent.json";
import auth from "./auth.json";
import account from "./account.json";
import exportMessages from "./export.json";
import dashboard from "./dashboard.json";
import designer from "./designer.json";
import surveys from "./surveys.json";
import responses from "./responses.json";
import jobs from "./jobs.json";
import reports from "./reports.json";
import weighting from "./weighting.json";

const messages = {
  common,
  home,
  respondent,
  auth,
  account,
  export: exportMessages,
  dashboard,
  designer,
  surveys,
  responses,
  jobs,
  reports,
  weighting,
};
export default messages;
