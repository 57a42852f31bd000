// The fake lives in src/ because the offline sandbox serves it too; tests import it from here.
export {
  startFakeWeComApiServer,
  type CardUpdate,
  type FailSpec,
  type FakeWeComApiServer,
  type FakeWeComApiServerOptions,
  type RecordedCall,
  type SentMessage,
} from '../../src/wecom/fake/wecom-api-server.ts';
