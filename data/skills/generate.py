#!/usr/bin/env python3
# SPDX-License-Identifier: CC0-1.0
"""Writes skills.tsv and relations.tsv from the lists below.

The lists were written by hand for Shortlist from general knowledge (no
external taxonomy was copied).  Format of skills.tsv, one skill a line:

    Canonical<TAB>Category<TAB>alias|alias|=CaseSensitiveAlias

An alias starting with "=" only matches when written exactly so (for names
that are ordinary words too: "Go", "R", "Excel").  relations.tsv lists close
relatives, one pair a line: A<TAB>B<TAB>kind.

Run: python3 data/skills/generate.py  (rewrites the two files next to it)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# category -> entries "Canonical|alias|alias"
S = {}

S["Programming Languages"] = """
Python|python3|py
Java|=JAVA|core java|java se|java ee|j2ee|jee
JavaScript|js|java script|ecmascript|es6|es2015|vanilla js
TypeScript|ts
C|=C|c language|ansi c
C++|cpp|c plus plus|cplusplus
C#|c sharp|csharp
Go|=Go|golang
Rust|=Rust|rust lang
Ruby|=Ruby|ruby lang
PHP|php5|php7|php8
Perl
Swift|=Swift
Objective-C|objective c|objc
Kotlin
Scala
R|=R|r programming|r language|rstats
MATLAB|matlab|=Matlab
Julia|julia lang
Lua
Haskell
Erlang
Elixir
Clojure
F#|f sharp|fsharp
OCaml
Dart|=Dart
Groovy
Visual Basic|vb|vb6|visual basic 6
VB.NET|vb net|visual basic .net
VBA|excel vba|vba macros|macros
Fortran
COBOL
Pascal|=Pascal|object pascal
Delphi
Ada|=Ada
Assembly|assembly language|assembler|asm|x86 assembly|arm assembly
Bash|bash scripting|bash script
Shell Scripting|shell script|shell scripts|unix shell scripting|shell|sh
PowerShell|powershell scripting|power shell
SQL|structured query language|=Sql
PL/SQL|plsql|pl sql
T-SQL|tsql|transact-sql|transact sql
Prolog
Lisp|common lisp
Scheme|=Scheme
Racket
Smalltalk
Solidity
Apex|=Apex
ABAP|sap abap
RPG|=RPG|rpg iv|rpgle
SAS|sas programming|=SAS
Stata|=STATA
SPSS|ibm spss|spss statistics
LabVIEW|labview
Verilog
VHDL
SystemVerilog|system verilog
Tcl
AWK|=awk
Sed|=sed
CoffeeScript
Elm|=Elm
Crystal|=Crystal
Nim|=Nim
Zig|=Zig
D|=D lang
Hack|=Hack
Apache Groovy
GraphQL
HTML|html5|html 5|xhtml|dhtml
CSS|css3|css 3|cascading style sheets
Sass|scss
Less|=LESS
XML
XSLT|xsl|xslt 2.0
XPath
XQuery
JSON
YAML|yml
Markdown
LaTeX|latex|tex
JSP|java server pages|javaserver pages
ASP|classic asp|active server pages
ASP.NET|asp net|asp.net mvc|asp.net core|aspnet
Razor
WebAssembly|wasm
CUDA
OpenCL
OpenMP
MPI|=MPI|message passing interface
GLSL
HLSL
ActionScript|action script
ColdFusion|cold fusion|cfml
Jython
JRuby
Cython
Processing|=Processing
Scratch|=Scratch
Logo|=LOGO
Standard ML|=SML|sml/nj
Q#|q sharp
Mojo|=Mojo
Bicep
HCL|hashicorp configuration language
Starlark
Ballerina
Vala
Raku|perl 6
PureScript
ReasonML|reason
ReScript
Idris
Agda
Coq
Lean 4
Chapel
Modula-2
Oberon
Simula
ALGOL
PL/I|pl1
Natural|=Natural (Software AG)
MUMPS|=MUMPS
Clipper|=Clipper
FoxPro|visual foxpro
PowerBuilder
Progress 4GL|openedge abl
Informix 4GL
Xojo
AutoLISP
AutoIt
AppleScript
VBScript|vb script
JScript
Batch Scripting|batch files|batch script
Kotlin Multiplatform|kmm
Carbon|=Carbon lang
"""

S["Web Frameworks and Libraries"] = """
React|react.js|reactjs|react js
Angular|angularjs|angular.js|angular 2|angular js|angular2
Vue.js|vue|vuejs|vue js|vue 3
Svelte|sveltekit
Next.js|nextjs|next js
Nuxt.js|nuxt|nuxtjs
Ember.js|ember|emberjs
Backbone.js|backbone|backbonejs
jQuery|jquery ui|jquery mobile
Node.js|node|nodejs|node js
Express.js|expressjs|express js|=Express
NestJS|nest.js|nestjs
Koa|koa.js
Fastify
Meteor|meteor.js
Redux|redux toolkit
MobX
RxJS|reactive extensions
Bootstrap|twitter bootstrap
Tailwind CSS|tailwind|tailwindcss
Material UI|mui|material-ui
Foundation|=Foundation CSS
Bulma
Semantic UI
Gatsby|gatsbyjs
Remix|=Remix
Astro|=Astro
Three.js|threejs
D3.js|d3|d3js
Chart.js|chartjs
Highcharts
Leaflet|leaflet.js
Webpack
Babel|=Babel
Vite|vitejs
Rollup|rollup.js
Parcel|=Parcel
Gulp|gulp.js
Grunt|grunt.js
npm|=NPM
Yarn|=Yarn
pnpm
Bower
Django|django rest framework|drf
Flask
FastAPI|fast api
Pyramid|=Pyramid
Tornado|=Tornado
Spring|=Spring|spring framework
Spring Boot|springboot|spring-boot
Spring MVC
Spring Security
Spring Cloud
Hibernate|hibernate orm
Struts|apache struts|struts 2
JSF|java server faces|javaserver faces
Play Framework|play framework
Vert.x
Quarkus
Micronaut
Dropwizard
Ruby on Rails|rails|ror|ruby-on-rails
Sinatra|=Sinatra
Laravel
Symfony
CodeIgniter|code igniter
CakePHP
Zend Framework|zend
Yii
Drupal
WordPress|word press|wp
Joomla
Magento
Shopify
WooCommerce
PrestaShop
.NET|dotnet|dot net|.net framework|net framework
.NET Core|dotnet core|net core
Entity Framework|ef core|entity framework core
ADO.NET|ado net
WCF|windows communication foundation
WPF|windows presentation foundation
WinForms|windows forms
Blazor
Xamarin
SignalR
LINQ
Phoenix|=Phoenix framework
Gin|=Gin
Echo|=Echo framework
Fiber|=Fiber
Actix
Rocket|=Rocket
Ionic|ionic framework
Cordova|apache cordova|phonegap
React Native|react-native|reactnative
Flutter
SwiftUI
UIKit
Jetpack Compose
Electron|electron.js
Qt|=Qt|qt framework|qml
GTK|gtk+|gtk4|gtk3
JavaFX
Swing|=Swing|java swing
AWT|=AWT
Unity|=Unity|unity3d|unity 3d
Unreal Engine|unreal|ue4|ue5
Godot
OpenGL
Vulkan
DirectX|direct3d
WebGL
SDL|=SDL
Cocos2d
Storybook
Alpine.js
HTMX
Handlebars|handlebars.js
Mustache|=Mustache
Thymeleaf
Jinja|jinja2
Pug|=Pug|jade
EJS
Apollo GraphQL|apollo
Relay|=Relay
Socket.IO|socket.io|socketio
Axios
Lodash|underscore.js
Moment.js|momentjs
Preact
SolidJS|solid.js
Qwik
Lit|=Lit
Stencil|=Stencil
Polymer|=Polymer
Knockout.js|knockoutjs
Aurelia
Mithril|=Mithril
Inferno|=Inferno
Marko|=Marko
Hapi|hapi.js
LoopBack|loopback
Sails.js|sailsjs
AdonisJS
Strapi
KeystoneJS
Ghost|=Ghost CMS
Contentful
Sanity|=Sanity
Prismic
Hugo|=Hugo
Jekyll
Eleventy|11ty
Hexo
Docusaurus
Gridsome
Quasar|=Quasar
Vuetify
Element UI
Ant Design|antd
Chakra UI
Styled Components|styled-components
Emotion|=Emotion css
PostCSS
CSS Modules
BEM|=BEM
Framer Motion
GSAP|greensock
Anime.js
p5.js
PixiJS
Phaser|=Phaser
Babylon.js
A-Frame
Mapbox
OpenLayers
Cesium|cesiumjs
Recharts
ECharts|apache echarts
Vega|=Vega|vega-lite
Plotly Dash|dash
Streamlit
Gradio
Bottle|=Bottle
CherryPy
Falcon|=Falcon framework
Sanic
Starlette
aiohttp
Celery
Dramatiq
SQLAlchemy
Django ORM
Peewee
Pydantic
Marshmallow|=marshmallow
Alembic
Flyway
Liquibase
Sequelize
TypeORM
Prisma
Mongoose
Knex|knex.js
Drizzle|=Drizzle ORM
MyBatis|ibatis
JOOQ
Spring Data
Spring Batch
Spring Integration
Spring WebFlux|webflux
Project Reactor|=Reactor
RxJava
Akka
Netty
Jetty|=Jetty
Undertow
Grails
Vaadin
GWT|google web toolkit
Wicket|apache wicket
Tapestry|apache tapestry
Seam|=JBoss Seam
EJB|enterprise java beans|ejb3
JPA|java persistence api
JDBC
JMS|java message service
JNDI
JAX-RS|jax rs|jersey
JAX-WS|jax ws
Servlets|servlet|java servlets
JSTL
Log4j
SLF4J
Logback
Lombok|=Lombok
Guava
Apache Commons
Jackson|=Jackson json
Gson
Dagger|=Dagger
Guice|google guice
Retrofit
OkHttp
Room|=Room database
Jetpack|android jetpack
Kotlin Coroutines|coroutines
Combine|=Combine framework
Core Data
Realm Swift
Alamofire
CocoaPods
Carthage|=Carthage
Swift Package Manager|spm
Fastlane
TestFlight
Firebase Crashlytics|crashlytics
Google Play Console
App Store Connect
ARKit
ARCore
Core ML|coreml
Metal|=Metal API
SpriteKit
SceneKit
MAUI|.net maui
Uno Platform
Avalonia
Tauri
NW.js
Capacitor|=Capacitor
NativeScript
Expo|=Expo
Blazor WebAssembly
Nancy|=NancyFX
ServiceStack
Dapper|=Dapper
NHibernate
AutoMapper
MediatR
Hangfire
Serilog
NLog
log4net
NUnit
xUnit|xunit.net
MSTest
Moq
Rails ActiveRecord|activerecord
RSpec
Capybara
Sidekiq
Resque
Hanami
Padrino
Slim Framework
Phalcon
Lumen|=Lumen
Livewire
Inertia.js|inertia
Twig
Blade|=Blade templates
Smarty
PHPUnit
Composer|=Composer php
Xdebug
PHPStan
Doctrine|=Doctrine ORM
Eloquent
Gin Gonic
Gorilla Mux|gorilla
Cobra|=Cobra cli
GORM
Tokio
Axum
Serde
Diesel|=Diesel ORM
Warp|=Warp framework
Yew|=Yew
Cargo|=Cargo
Boost|=Boost C++|boost libraries
STL|standard template library
Qt Quick
wxWidgets
MFC|microsoft foundation classes
ATL|=ATL
COM|=COM objects|dcom
Win32 API|win32|winapi
POSIX
pthreads
Eigen|=Eigen library
OpenMPI
Intel MKL|mkl
BLAS|lapack
gRPC-Web
Protocol Buffers|protobuf|protobufs
Apache Thrift|thrift
Cap'n Proto
FlatBuffers
MessagePack|msgpack
"""

S["Databases"] = """
PostgreSQL|postgres|postgresql|psql|pgsql|postgre sql
MySQL|my sql|mysql server
MariaDB
SQLite|sqlite3
Oracle Database|oracle db|oracle 11g|oracle 12c|oracle 10g|oracle 19c|=Oracle|oracle rdbms
Microsoft SQL Server|sql server|mssql|ms sql|ms sql server|mssql server|sqlserver
IBM Db2|db2|ibm db2
Sybase
Teradata
Informix
MongoDB|mongo|mongo db
Cassandra|apache cassandra
Redis
Memcached
Couchbase
CouchDB|apache couchdb
DynamoDB|amazon dynamodb|aws dynamodb
Neo4j
Elasticsearch|elastic search|elk
OpenSearch
Solr|apache solr
Lucene|apache lucene
HBase|apache hbase
InfluxDB
TimescaleDB
ClickHouse
Snowflake|=Snowflake
Amazon Redshift|redshift
Google BigQuery|bigquery|big query
Azure SQL Database|azure sql
Cosmos DB|azure cosmos db|cosmosdb
Firebase|firebase realtime database
Firestore|cloud firestore
Realm|=Realm
Microsoft Access|ms access|=Access|access database
FileMaker
dBase
Hive|apache hive|=Hive
Presto|=Presto|trino
Apache Druid|druid
Vertica
Greenplum
Netezza
SAP HANA|hana
CockroachDB
Supabase
PlanetScale
RavenDB
ArangoDB
OrientDB
Berkeley DB
LevelDB
RocksDB
etcd
Consul|=Consul
Pinecone|=Pinecone
Milvus
Weaviate
pgvector
PostGIS
NoSQL|no sql
RDBMS|relational databases|relational database
Database Design|database modeling|data modeling|data modelling
Database Administration|dba|database management
Stored Procedures|stored procedure
Query Optimization|query tuning|sql tuning|performance tuning
ETL|extract transform load|etl processes
Data Warehousing|data warehouse|dwh|edw
OLAP
OLTP
MySQL Workbench
pgAdmin
DBeaver
SQL Developer|oracle sql developer
TOAD|=Toad|toad for oracle
SQL*Plus|sqlplus
SSMS|sql server management studio
Navicat
Erwin|=ERwin|erwin data modeler
ER/Studio
PowerDesigner
Oracle RAC|rac
Oracle Data Guard|data guard
Oracle GoldenGate|goldengate
RMAN
ASM|=Oracle ASM
Exadata
PL/pgSQL|plpgsql
MongoDB Atlas
Amazon DocumentDB|documentdb
Amazon Neptune|neptune
Amazon Keyspaces
Amazon ElastiCache|elasticache
Azure Cache for Redis
Google Cloud SQL|cloud sql
Google Cloud Spanner|spanner
Google Bigtable|bigtable
Firebird|=Firebird
H2 Database|h2
HSQLDB
Derby|apache derby
Ingres|=Ingres
MaxDB
Adabas
IMS|=IMS DB
IDMS
VSAM
Sybase ASE
Sybase IQ
SAP ASE
Exasol
SingleStore|memsql
YugabyteDB
TiDB
Citus
Materialize
DuckDB
Apache Pinot|pinot
Apache Kylin|kylin
Apache Phoenix
Apache Ignite|ignite
Hazelcast
Aerospike
ScyllaDB|scylla
FaunaDB|fauna
Dgraph
JanusGraph
TigerGraph
Amazon QLDB
Qdrant
Chroma|chromadb
FAISS|faiss
"""

S["Cloud and DevOps"] = """
Amazon Web Services|aws|amazon aws
Microsoft Azure|azure|ms azure|windows azure
Google Cloud Platform|gcp|google cloud
IBM Cloud
Oracle Cloud|oci
Alibaba Cloud
DigitalOcean|digital ocean
Heroku
Netlify
Vercel
Cloudflare
OpenStack
VMware|vmware vsphere|vsphere|esxi|vmware esxi
Hyper-V|hyper v|hyperv
VirtualBox|virtual box
KVM|=KVM
Xen|=Xen
Proxmox
Docker|docker compose|docker-compose|dockerfile
Podman
Kubernetes|k8s|kube
OpenShift|red hat openshift
Helm|=Helm|helm charts
Rancher
Nomad|=Nomad
Docker Swarm|swarm
Istio
Linkerd
Envoy|=Envoy
Terraform|terraform cloud
Pulumi
CloudFormation|aws cloudformation
Ansible
Puppet|=Puppet
Chef|=Chef Infra
SaltStack|salt stack
Vagrant
Packer|=Packer
Jenkins|=Jenkins|jenkins ci
GitLab CI|gitlab ci/cd|gitlab-ci
GitHub Actions|github actions
CircleCI|circle ci
Travis CI|travis
TeamCity
Bamboo|=Bamboo
Azure DevOps|vsts|tfs|team foundation server
Argo CD|argocd
Flux|=FluxCD
Spinnaker
Tekton
CI/CD|ci cd|cicd|continuous integration|continuous delivery|continuous deployment
DevOps|dev ops
DevSecOps
Site Reliability Engineering|sre
Infrastructure as Code|iac
GitOps
Prometheus
Grafana
Nagios
Zabbix
Datadog|data dog
New Relic|newrelic
Splunk
Kibana
Logstash
Fluentd
Jaeger
OpenTelemetry
PagerDuty
Dynatrace
AppDynamics
Nginx|=NGINX
Apache HTTP Server|apache httpd|apache web server|httpd
Apache Tomcat|tomcat
JBoss|wildfly
WebLogic|oracle weblogic
WebSphere|ibm websphere
IIS|internet information services
HAProxy
Traefik
Varnish
Squid|=Squid
AWS Lambda|lambda|=Lambda
Amazon EC2|ec2|aws ec2
Amazon S3|s3|aws s3
Amazon RDS|rds|aws rds
Amazon ECS|ecs|aws ecs
Amazon EKS|eks|aws eks
Amazon SQS|sqs|aws sqs
Amazon SNS|sns|aws sns
Amazon CloudWatch|cloudwatch
AWS IAM|=IAM
Amazon Route 53|route 53|route53
Amazon CloudFront|cloudfront
AWS Glue|glue|=Glue
Amazon Kinesis|kinesis
Amazon EMR|emr|aws emr
Amazon SageMaker|sagemaker
AWS Step Functions|step functions
AWS Elastic Beanstalk|elastic beanstalk
Amazon API Gateway|api gateway
AWS CDK
Amazon Athena|athena|=Athena
Amazon Aurora|aurora|=Aurora
Azure Functions
Azure Kubernetes Service|aks
Azure Data Factory|adf|data factory
Azure Synapse|synapse analytics
Azure Active Directory|azure ad|entra id
Azure Blob Storage|blob storage
Azure App Service
Google Kubernetes Engine|gke
Google Cloud Functions|cloud functions
Google Cloud Run|cloud run
Google Cloud Storage|gcs
Google Pub/Sub|pub/sub|pubsub
Google Dataflow|dataflow
Google App Engine|app engine
Serverless|serverless architecture
Microservices|micro services|microservice architecture|microservices architecture
Service Mesh
Load Balancing|load balancer|load balancers
High Availability
Disaster Recovery
Cloud Computing|cloud
Virtualization|virtualisation
Containerization|containers|containerisation
AWS Fargate|fargate
AWS Batch
AWS Backup
AWS Config
AWS CloudTrail|cloudtrail
AWS Systems Manager|ssm
AWS Secrets Manager|secrets manager
AWS KMS|kms
AWS WAF
AWS Shield
AWS Direct Connect|direct connect
Amazon VPC|vpc
AWS Transit Gateway
AWS Organizations
AWS Control Tower
AWS CodePipeline|codepipeline
AWS CodeBuild|codebuild
AWS CodeDeploy|codedeploy
AWS CodeCommit|codecommit
AWS Amplify|amplify
AWS AppSync|appsync
Amazon Cognito|cognito
Amazon EventBridge|eventbridge
Amazon MQ
Amazon MSK|msk
Amazon Lightsail|lightsail
Amazon Connect
Amazon Lex|=Lex
Amazon Rekognition|rekognition
Amazon Comprehend|comprehend
Amazon Textract|textract
Amazon Polly
Amazon Bedrock|bedrock
AWS Lake Formation|lake formation
AWS Glue DataBrew
Amazon QuickSight|quicksight
Amazon OpenSearch Service
Amazon ECR|ecr
Amazon EBS|ebs
Amazon EFS|efs
Amazon Glacier|glacier
AWS Storage Gateway
AWS Snowball
AWS Outposts
Azure Virtual Machines|azure vms
Azure Virtual Network|vnet
Azure Load Balancer
Azure Application Gateway
Azure Front Door
Azure Monitor
Azure Log Analytics|log analytics
Application Insights|app insights
Azure Key Vault|key vault
Azure Logic Apps|logic apps
Azure Service Bus|service bus
Azure Event Hubs|event hubs
Azure Event Grid|event grid
Azure Stream Analytics
Azure Databricks
Azure Machine Learning|azure ml
Azure Cognitive Services|cognitive services
Azure OpenAI
Azure Container Instances|aci
Azure Container Registry|acr
Azure Files
Azure Data Lake|adls|azure data lake storage
Azure HDInsight|hdinsight
Azure Purview|microsoft purview
Azure Sentinel|microsoft sentinel
Microsoft Defender
Azure Policy
Azure Resource Manager|arm templates|=ARM
Azure CLI
Azure Pipelines
Azure Repos
Azure Boards
Azure Artifacts
Google Compute Engine|compute engine|=GCE
Google Cloud Build|cloud build
Google Cloud Composer|cloud composer
Google Dataproc|dataproc
Google Vertex AI|vertex ai
Google Cloud Spanner Admin
Google Firebase Hosting
Google Cloud Armor
Google Cloud Monitoring|stackdriver
Google Looker Studio|data studio|looker studio
Anthos
Cloud Foundry
Tanzu|vmware tanzu
Nutanix
vCenter|vmware vcenter
vRealize
NSX|vmware nsx
vSAN
Veeam
Commvault
Veritas NetBackup|netbackup
Rubrik
Zerto
Kustomize
Skaffold
Tilt|=Tilt
Minikube
kind|=kind cluster
k3s
MicroK8s
Karpenter
KEDA
Cert-Manager
External DNS
Velero
Crossplane
Open Policy Agent|opa
Kyverno
Falco|=Falco
Trivy
Snyk
SonarQube|sonar
Checkmarx
Veracode
Fortify|=Fortify
Black Duck|blackduck
Dependabot
Renovate|=Renovate
Nexus Repository|nexus|sonatype nexus
JFrog Artifactory|artifactory
Harbor|=Harbor registry
Quay
Docker Hub
Buildah
Kaniko
Octopus Deploy
Harness|=Harness
Drone CI|drone
Concourse CI|concourse
Buildkite
Semaphore CI
AppVeyor
Bitrise
Codemagic
Chaos Engineering|chaos monkey
Thanos|=Thanos
Cortex|=Cortex metrics
Loki|=Loki
Tempo|=Grafana Tempo
VictoriaMetrics
Sentry|=Sentry
Honeycomb|=Honeycomb
Elastic APM
Graylog
Sumo Logic
LogicMonitor
SolarWinds
PRTG
Icinga
Checkmk
Cacti|=Cacti
OpsGenie
Statuspage
Consul Connect
Vault|=Vault|hashicorp vault
Boundary|=HashiCorp Boundary
Waypoint|=HashiCorp Waypoint
Keycloak
Okta
Auth0
Ping Identity|pingfederate
OneLogin
CyberArk
BeyondTrust
SailPoint
Duo Security|duo
Zscaler
Palo Alto Networks|palo alto|pan-os
Fortinet|fortigate
Check Point|checkpoint firewall
Sophos
CrowdStrike
SentinelOne
Carbon Black
Symantec Endpoint Protection|symantec
McAfee
Trend Micro
Qualys
Rapid7|insightvm
Tenable
QRadar|ibm qradar
ArcSight
LogRhythm
Microsoft Sentinel SIEM
Elastic SIEM
Wazuh
OSSEC
Suricata
Zeek|bro ids
pfSense
OpenVPN
WireGuard
IPsec
SSL/TLS|ssl|tls
SAML
OpenID Connect|oidc
Multi-Factor Authentication|mfa|2fa|two-factor authentication
Zero Trust
Threat Modeling
Threat Intelligence
Digital Forensics|forensics
Malware Analysis
Reverse Engineering
Security Auditing
Risk Assessment
Business Continuity|bcp|business continuity planning
ISO 22301
ISO 14001
ISO 45001
ISO 13485
IATF 16949|ts 16949
AS9100
COBIT
TOGAF
Zachman Framework
SOC 2|soc2
FedRAMP
CMMC
NIS2
DORA|=DORA regulation
"""

S["Data and Machine Learning"] = """
Machine Learning|ml|=ML|machine-learning|maschinelles lernen|apprentissage automatique|aprendizaje automatico|aprendizado de maquina|apprendimento automatico
Deep Learning|dl|=DL|deep neural networks
Artificial Intelligence|ai|=AI|a.i.|kunstliche intelligenz|intelligence artificielle|inteligencia artificial|intelligenza artificiale
Natural Language Processing|nlp|=NLP
Computer Vision|cv|=CV vision|image processing|image recognition
Data Science|data scientist
Data Analysis|data analytics|data analyses|datenanalyse|analyse de donnees|analisis de datos|analise de dados|analisi dei dati
Data Mining
Data Visualization|data visualisation|dataviz|data viz
Big Data
Statistics|statistical analysis|statistik|statistique|estadistica|estatistica|statistica
Predictive Modeling|predictive modelling|predictive analytics
Regression Analysis|regression|linear regression|logistic regression
Time Series Analysis|time series|forecasting
A/B Testing|ab testing|a/b tests|split testing
Reinforcement Learning
Neural Networks|neural network|ann
Convolutional Neural Networks|cnn|cnns
Recurrent Neural Networks|rnn|lstm
Transformers|=Transformers|transformer models
Large Language Models|llm|llms|=LLM
Generative AI|genai|gen ai
Prompt Engineering
Retrieval-Augmented Generation|rag|=RAG
Feature Engineering
Information Retrieval
Recommender Systems|recommendation systems|recommendation engines
Speech Recognition
Sentiment Analysis
Text Mining
Clustering|=Clustering
Classification|=Classification
Decision Trees|decision tree
Random Forest|random forests
Gradient Boosting|gbm
XGBoost
LightGBM
CatBoost
Support Vector Machines|svm|svms
Bayesian Statistics|bayesian methods|bayesian inference
Monte Carlo Simulation|monte carlo
Optimization|=Optimization|mathematical optimization|operations research
Linear Algebra
TensorFlow|tensor flow|tf2
PyTorch|torch|=Torch
Keras
scikit-learn|sklearn|scikit learn|scikit
pandas|=Pandas|=pandas
NumPy|numpy
SciPy|scipy
Matplotlib
Seaborn
Plotly
Bokeh
Jupyter|jupyter notebook|jupyter notebooks|jupyterlab|ipython
Anaconda|conda
Hugging Face|huggingface
spaCy|spacy
NLTK
Gensim
OpenCV|open cv
Pillow|pil
LangChain
LlamaIndex
MLflow
Kubeflow
Airflow|apache airflow
Luigi|=Luigi
Prefect|=Prefect
Dagster
dbt|=dbt|data build tool
Apache Spark|spark|pyspark|spark sql|=Spark
Hadoop|apache hadoop|hdfs|mapreduce|map reduce
Apache Kafka|kafka
Apache Flink|flink
Apache Beam|beam
Apache Storm|storm
Apache Pig|pig latin|=Pig
Apache NiFi|nifi
Sqoop
Oozie
Databricks
Delta Lake
Apache Iceberg|iceberg
Apache Parquet|parquet
Avro|apache avro
ORC|=ORC
Tableau
Power BI|powerbi|microsoft power bi|power-bi
Looker
Qlik|qlikview|qlik sense
MicroStrategy
Cognos|ibm cognos
SAP BusinessObjects|business objects|bo
SSRS|sql server reporting services
SSIS|sql server integration services
SSAS|sql server analysis services
Informatica|informatica powercenter
Talend
Alteryx
KNIME
RapidMiner
Pentaho
Excel|=Excel|ms excel|microsoft excel|advanced excel|=EXCEL
Google Sheets
Google Analytics|ga4
Google Tag Manager|gtm
Adobe Analytics
Mixpanel
Amplitude|=Amplitude
Business Intelligence|bi|=BI
Data Engineering|data engineer
Data Pipelines|data pipeline
Data Governance
Data Quality
Data Cleaning|data cleansing|data wrangling
Master Data Management|mdm
Web Scraping|scraping|beautifulsoup|beautiful soup|scrapy
Quantitative Analysis|quantitative research
Econometrics
Biostatistics
Bioinformatics
Geographic Information Systems|gis|arcgis|qgis
Remote Sensing
Simulation|=Simulation
Apache Superset|superset
Metabase
Redash
Grafana Dashboards
Sisense
Domo|=Domo
Spotfire|tibco spotfire
SAS Enterprise Guide|enterprise guide
SAS Enterprise Miner
SAS Visual Analytics
JMP|=JMP
Minitab
EViews
GAMS
AMPL
CPLEX|ibm cplex
Gurobi
OR-Tools|google or-tools
Mathematica|wolfram mathematica
Maple|=Maple
Octave|gnu octave
SageMath
RStudio
Shiny|r shiny
ggplot2
dplyr
tidyverse
data.table
caret|=caret
Stan|=Stan|pystan
PyMC|pymc3
statsmodels
Prophet|facebook prophet
sktime
Darts|=Darts forecasting
ARIMA
GARCH
Survival Analysis
Causal Inference
Experimental Design|design of experiments|doe
ANOVA
Hypothesis Testing
Multivariate Analysis
Factor Analysis
Principal Component Analysis|pca
Dimensionality Reduction
Anomaly Detection|outlier detection
Fraud Detection
Churn Prediction
Customer Segmentation|segmentation
Marketing Mix Modeling|mmm
Attribution Modeling
Uplift Modeling
Propensity Modeling
Credit Scoring
Risk Modeling
Demand Forecasting Models
Image Segmentation
Object Detection|yolo
Image Classification
Optical Character Recognition|ocr
Tesseract|=Tesseract
Pose Estimation
Generative Adversarial Networks|gan|gans
Variational Autoencoders|vae
Autoencoders
Diffusion Models|stable diffusion
BERT|=BERT
GPT|=GPT|chatgpt|gpt-4
LLaMA|llama 2
Word Embeddings|word2vec|glove|fasttext
Named Entity Recognition|ner
Topic Modeling|lda topic modeling
Machine Translation
Question Answering
Text Classification
Text-to-Speech|tts
Speech-to-Text|stt|asr
Chatbots|chatbot|conversational ai
Rasa|=Rasa
Dialogflow
Microsoft Bot Framework
Vector Databases|vector database
Embeddings
Fine-Tuning|fine tuning
LoRA|=LoRA
Model Deployment|model serving
MLOps
Feature Store|feast
Weights & Biases|wandb
Neptune.ai
Comet ML
DVC|data version control
BentoML
Seldon|seldon core
KServe|kfserving
TorchServe
TensorFlow Serving|tf serving
ONNX
TensorRT
OpenVINO
TensorFlow Lite|tflite
JAX|=JAX
Flax|=Flax
MXNet|apache mxnet
Caffe|=Caffe
Theano
CNTK
Chainer
fast.ai|fastai
Lightning|pytorch lightning
Ray|=Ray|ray tune
Dask
Polars|=Polars
Vaex
Modin
Apache Arrow|arrow
Numba
RAPIDS|=RAPIDS|cudf
H2O|h2o.ai
DataRobot
Dataiku
Azure ML Studio
Amazon Mechanical Turk|mturk
Label Studio
Snorkel
Great Expectations
Soda|=Soda data
Monte Carlo Data
Fivetran
Stitch|=Stitch data
Airbyte
Matillion
Segment|=Segment cdp
Census|=Census reverse etl
Hightouch
Debezium
Change Data Capture|cdc
Kafka Connect
Kafka Streams
ksqlDB
Apache Pulsar|pulsar
Amazon Kinesis Firehose|firehose
Apache Hudi|hudi
Apache Zeppelin|zeppelin
Hue|=Hue
Impala|apache impala
Apache Tez|tez
YARN|=YARN
ZooKeeper|apache zookeeper
Ambari
Cloudera|cdh|cloudera cdp
Hortonworks|hdp
MapR
Data Lake|data lakes
Data Lakehouse|lakehouse
Data Mesh
Data Vault
Dimensional Modeling|star schema|snowflake schema|kimball
Slowly Changing Dimensions|scd
Data Catalog|alation|collibra
Data Lineage
Metadata Management
Data Privacy|privacy
Data Stewardship
Reference Data
Data Migration
Data Integration
Data Profiling
Data Architecture
Data Strategy
Data Literacy
Excel Pivot Tables|pivot tables|pivot table
VLOOKUP|vlookup|xlookup
Power Query
Power Pivot
DAX|=DAX
M Language|=Power Query M
Excel Macros
Google Data Studio Reports
SPSS Modeler
Qualtrics
SurveyMonkey
NVivo
ATLAS.ti
MAXQDA
"""

S["Software Engineering"] = """
Object-Oriented Programming|oop|oops|object oriented programming|object oriented design|ood|object-oriented design
Functional Programming
Design Patterns|design pattern|gang of four
Software Architecture|system architecture
System Design
Domain-Driven Design|ddd
Test-Driven Development|tdd
Behavior-Driven Development|bdd
Unit Testing|unit tests|unit test
Integration Testing
Test Automation|automated testing|automation testing
Manual Testing
Software Testing|testing|qa testing|quality assurance testing
Quality Assurance|qa|=QA
Performance Testing|load testing|stress testing
Regression Testing
User Acceptance Testing|uat
Selenium|selenium webdriver
Cypress|=Cypress
Playwright
Puppeteer
JUnit
TestNG
Mockito
pytest|py.test
unittest
Jest|=Jest
Mocha|=Mocha
Jasmine|=Jasmine
Karma|=Karma
Cucumber|=Cucumber
Postman
SoapUI|soap ui
JMeter|apache jmeter
LoadRunner
Gatling|=Gatling
Appium
Robot Framework
QTP|uft|unified functional testing
TestRail
Git|=GIT|=git
GitHub|git hub
GitLab|git lab
Bitbucket
Subversion|svn
Mercurial
CVS|=CVS
Perforce
ClearCase
Maven|apache maven
Gradle
Ant|=Ant|apache ant
GNU Make|makefile|makefiles
CMake
Bazel
Meson|=Meson
Autotools
npm scripts
REST APIs|rest|restful|restful apis|rest api|restful web services|restful services|=REST
SOAP|soap web services
gRPC|grpc
Web Services|webservices|web service
API Design|api development|apis|=API
OpenAPI|swagger
JSON Web Tokens|jwt
OAuth|oauth2|oauth 2.0
WebSockets|websocket
Message Queues|message queue|messaging
RabbitMQ|rabbit mq
ActiveMQ|apache activemq
ZeroMQ|zeromq|0mq
MQTT
Apache Camel|camel
MuleSoft|mule esb|mule
Enterprise Service Bus|esb
Service-Oriented Architecture|soa
Event-Driven Architecture|event driven architecture|event sourcing|cqrs
Multithreading|multi-threading|concurrency|concurrent programming
Parallel Computing|parallel programming
Distributed Systems|distributed computing
Embedded Systems|embedded|embedded software|firmware
Real-Time Systems|rtos|real time operating systems
FreeRTOS
Device Drivers|drivers|=Drivers
Linux Kernel|kernel development
Compilers|compiler design
Algorithms|algorithm design
Data Structures|data structure|dsa
Code Review|code reviews
Debugging|troubleshooting code
Refactoring
Clean Code
SOLID|=SOLID
Agile|agile methodologies|agile methodology|agile development|agil|agile software development
Scrum|scrum methodology
Kanban
Waterfall|waterfall methodology
Lean|=Lean|lean methodology
Extreme Programming|xp
SAFe|=SAFe|scaled agile framework|scaled agile
SDLC|software development life cycle|software development lifecycle
Jira|jira software|atlassian jira|=JIRA
Confluence
Trello
Asana|=Asana
Monday.com
Notion|=Notion
Slack|=Slack
Microsoft Teams|ms teams|=Teams
Zoom|=Zoom
Visual Studio|ms visual studio|visual studio 2019|visual studio 2022
Visual Studio Code|vs code|vscode
IntelliJ IDEA|intellij|intellij idea
Eclipse|=Eclipse|eclipse ide
NetBeans
PyCharm
Android Studio
Xcode
Vim|=vim|neovim
Emacs
Sublime Text|sublime
Atom|=Atom editor
Notepad++
Linux|gnu/linux|=LINUX
Unix|=UNIX|unix/linux
Windows|=Windows|microsoft windows|ms windows|windows 10|windows 7|windows xp|windows 11
Windows Server|windows server 2012|windows server 2016|windows server 2019|windows 2003|windows server 2008
macOS|mac os|mac osx|os x|osx|mac os x
Ubuntu
Debian|=Debian
Red Hat Enterprise Linux|rhel|redhat|red hat linux|red hat
CentOS
Fedora|=Fedora
SUSE|suse linux|opensuse
Android|android development|android sdk
iOS|ios development|=IOS
Solaris
AIX|ibm aix
HP-UX|hpux
z/OS|zos|mainframe|ibm mainframe
JCL
CICS
DB2 UDB
Active Directory|ad|=AD|ms active directory
LDAP
Kerberos
DNS|=DNS
DHCP
TCP/IP|tcp ip|tcpip|tcp
HTTP|http/https|https
SSH|=SSH
FTP|sftp
SMTP
VPN|=VPN
VoIP|voip
Networking|computer networks|network administration|networks
Routing and Switching|routing|switching|routing & switching
Cisco|cisco ios|cisco routers
CCNA
CCNP
Juniper|juniper networks
Firewalls|firewall|firewall configuration
Wireshark
Network Security
Cybersecurity|cyber security|information security|infosec|it security|security
Penetration Testing|pen testing|pentesting|ethical hacking
Vulnerability Assessment|vulnerability management|vulnerability scanning
SIEM
Incident Response
Security Operations Center|soc
Identity and Access Management|iam|=IAM
Cryptography|encryption
PKI|public key infrastructure
ISO 27001|iso/iec 27001
GDPR|dsgvo|rgpd
HIPAA
PCI DSS|pci|pci-dss
SOX|=SOX|sarbanes-oxley|sarbanes oxley
NIST|=NIST
OWASP
Metasploit
Burp Suite|burp
Nmap
Nessus
Kali Linux|kali
Snort|=Snort
ITIL|itil v3|itil v4|itil foundation
IT Service Management|itsm
ServiceNow|service now
Remedy|bmc remedy
Help Desk|helpdesk|service desk|it support|technical support|desktop support
Hardware Troubleshooting|hardware|pc hardware
System Administration|sysadmin|systems administration|system administrator
Backup and Recovery|backup|backups
Storage|=SAN|=NAS|san storage
NetApp
EMC|=EMC|dell emc
Citrix|citrix xenapp|xendesktop
Exchange Server|microsoft exchange|ms exchange|=Exchange
Office 365|o365|microsoft 365|m365
SharePoint|ms sharepoint|microsoft sharepoint|share point
Lotus Notes|lotus domino|domino
SCCM|microsoft sccm|configuration manager
Intune|microsoft intune
Group Policy|gpo
PowerApps|power apps
Power Automate|microsoft flow
Dynamics 365|microsoft dynamics|ms dynamics|dynamics crm|dynamics ax|dynamics nav
Salesforce|sfdc|salesforce.com|salesforce crm
HubSpot|hub spot
Zoho|zoho crm
SAP|=SAP|sap erp|sap r/3|sap ecc|sap s/4hana|s/4hana
SAP FICO|sap fi/co|sap fi co|fico
SAP MM|sap materials management
SAP SD|sap sales and distribution
SAP HR|sap hcm
SAP BW|sap bi|sap bw/bi
Oracle E-Business Suite|oracle ebs|oracle apps|oracle applications
Oracle Fusion
PeopleSoft
Workday|=Workday
NetSuite|oracle netsuite
Odoo
Infor|=Infor
JD Edwards|jde
QuickBooks|quick books|quickbooks online
Tally|tally erp|tally erp 9|=Tally
Xero|=Xero
Sage|=Sage|sage 50
DATEV
Blockchain|block chain|distributed ledger
Ethereum
Smart Contracts
Web3
Internet of Things|iot|=IoT
Arduino
Raspberry Pi|raspberry
PLC|=PLC|plc programming|programmable logic controllers
SCADA
Robotics|robotic
ROS|=ROS|robot operating system
Augmented Reality|ar|=AR
Virtual Reality|vr|=VR
Game Development|game design|game programming
Mobile Development|mobile app development|mobile applications|mobile apps
Web Development|web developer|web design and development|webentwicklung
Front-End Development|frontend|front end|front-end|frontend development|front end development
Back-End Development|backend|back end|back-end|backend development|back end development
Full-Stack Development|full stack|fullstack|full-stack|full stack development
Responsive Web Design|responsive design|responsive
Web Design|webdesign|website design
Search Engine Optimization|seo|=SEO|suchmaschinenoptimierung
Accessibility|web accessibility|a11y|wcag
Progressive Web Apps|pwa
Single Page Applications|spa|=SPA
AJAX|ajax
Web Performance
Content Management Systems|cms|=CMS
E-commerce|ecommerce|e commerce|online commerce
Localization|l10n|internationalization|i18n
Technical Writing|technical documentation|documentation
UML|unified modeling language
BPMN
Requirements Analysis|requirements gathering|requirement analysis|requirements engineering|requirements management
Business Analysis|business analyst
Systems Analysis|system analysis
Functional Specifications|functional specification|specifications
User Stories
Use Cases|use case
Wireframing|wireframes|wireframe
Prototyping|prototypes|rapid prototyping
Pair Programming
Mob Programming
Trunk-Based Development
Git Flow|gitflow
Semantic Versioning|semver
Code Coverage
Static Analysis|static code analysis
Linting|eslint|pylint|flake8
Prettier
Black|=Black formatter
mypy
Ruff|=Ruff
Stylelint
Husky|=Husky
Lerna
Nx|=Nx monorepo
Turborepo
Monorepo
Microfrontends|micro frontends|micro-frontends
Design Systems|design system
Component Libraries
Web Components
Server-Side Rendering|ssr
Static Site Generation|ssg
JAMstack
Headless CMS
CDN|content delivery network
Caching|=Caching
Rate Limiting
API Gateway Design
API Management|apigee|kong|=Kong
GraphQL Federation
HATEOAS
Idempotency
Event Streaming
Pub/Sub Messaging
Saga Pattern
Circuit Breaker|hystrix|resilience4j
Twelve-Factor App|12 factor
Blue-Green Deployment|blue/green deployment
Canary Releases|canary deployment
Feature Flags|feature toggles|launchdarkly
Observability
Tracing|distributed tracing
Logging|=Logging
Monitoring|=Monitoring|system monitoring
Alerting
Incident Management
Postmortems|post-mortem
On-Call
Capacity Planning
Performance Optimization|performance optimisation
Memory Management
Garbage Collection
Profiling|=Profiling|code profiling
Benchmarking Code
Concurrency Control
Lock-Free Programming
SIMD
Vectorization
GPU Programming|gpu computing
High-Performance Computing|hpc
Slurm|=Slurm
PBS|=PBS Pro
Grid Computing
Quantum Computing|qiskit
Cirq
Formal Verification|formal methods
Model Checking
TLA+
Static Typing
Type Systems
Compiler Construction
LLVM
GCC|gnu compiler collection
Clang|=Clang
Valgrind
GDB|=GDB|gnu debugger
WinDbg
Sanitizers|addresssanitizer|asan
Fuzzing|fuzz testing|libfuzzer|afl
Cross-Compilation|cross compiling
Yocto|yocto project
Buildroot
U-Boot
Device Tree
Linux Device Drivers
Bootloaders|bootloader
ARM Cortex|arm cortex-m|cortex-m
STM32
ESP32
AVR|=AVR
PIC Microcontrollers|pic|=PIC
Microcontrollers|mcu|microcontroller
CAN Bus|=CAN|can bus
Modbus
Profibus
EtherCAT
I2C|i²c
SPI|=SPI
UART
USB Protocol|=USB
Bluetooth|ble|bluetooth low energy
Zigbee
LoRaWAN|lora
Wi-Fi|wifi|wlan
NFC|=NFC
RFID
GPS|gnss
AUTOSAR
ISO 26262
MISRA C|misra
DO-178C|do-178b
IEC 61508
IEC 62304
Functional Safety
Hardware-in-the-Loop|hil
Model-Based Design
dSPACE
Vector CANoe|canoe|canalyzer
LabWindows/CVI
TestStand|ni teststand
Oscilloscope|oscilloscopes
Spectrum Analyzer
Logic Analyzer
Multimeter
Soldering
SMT|=SMT|surface mount technology
Wave Soldering
Reflow Soldering
IPC-A-610
ESD|=ESD|electrostatic discharge
EMC Testing|=EMC testing|electromagnetic compatibility
Thermal Analysis
Vibration Analysis
Reliability Engineering
DFM|design for manufacturing|=DFM
DFMEA
PFMEA
APQP
PPAP
Control Plans
8D|=8D|8d problem solving
Poka-Yoke
Value Stream Mapping|vsm
Kanban Systems
Just-in-Time|jit
TPM|=TPM|total productive maintenance
OEE
SMED
Hoshin Kanri
DMAIC
Gemba
Ishikawa Diagram|fishbone diagram
Pareto Analysis
Control Charts
Capability Analysis|cpk|process capability
Measurement System Analysis|msa|gage r&r
"""

S["Design and Media"] = """
Adobe Photoshop|photoshop|ps|=PS
Adobe Illustrator|illustrator|=AI illustrator
Adobe InDesign|indesign|in design
Adobe XD|adobe xd|=XD
Adobe Premiere Pro|premiere pro|premiere|adobe premiere
Adobe After Effects|after effects
Adobe Lightroom|lightroom
Adobe Acrobat|acrobat|adobe acrobat pro
Adobe Dreamweaver|dreamweaver|macromedia dreamweaver
Adobe Flash|flash|macromedia flash|=Flash
Adobe Creative Suite|creative suite|adobe cs|adobe creative cloud|creative cloud|adobe suite
Adobe Audition|audition
Adobe Animate
Figma
Sketch|=Sketch
InVision|invision
Canva
CorelDRAW|corel draw|coreldraw
GIMP|=GIMP
Inkscape
Blender|=Blender
Autodesk Maya|maya|=Maya
3ds Max|3d max|3dsmax|autodesk 3ds max
Cinema 4D|c4d
ZBrush
Final Cut Pro|final cut
DaVinci Resolve|davinci
Avid Media Composer|avid
Pro Tools|protools
Logic Pro|logic pro x
Ableton Live|ableton
FL Studio
Audacity
QuarkXPress|quark xpress|quark
FrontPage|microsoft frontpage|ms frontpage
Graphic Design|graphic designer|grafikdesign|design graphique|diseno grafico
UI Design|user interface design|ui
UX Design|user experience design|ux|=UX|user experience
UI/UX|ui/ux design|ux/ui
Interaction Design
Visual Design
Product Design
Motion Graphics|motion design
Video Editing|video production|videography
Photography|photo editing|fotografie|photographie|fotografia
Animation|2d animation|3d animation
3D Modeling|3d modelling|3d modeling
Illustration|=Illustration
Typography
Branding|brand identity|brand design
Logo Design
Print Design|print production
Desktop Publishing|dtp
Color Theory
Storyboarding|storyboard
Copywriting|copy writing|texterstellung
Content Writing|content creation|content development
Editing|=Editing|proofreading|copy editing|copyediting
Journalism
Public Speaking|presentation skills|presentations|=Presentations
Affinity Designer
Affinity Photo
Pixelmator
Procreate
Krita
Clip Studio Paint
Substance Painter|substance 3d painter
Substance Designer
Marvelous Designer
Houdini|sidefx houdini
Nuke|=Nuke
Mocha Pro
Cinema 4D Redshift|redshift renderer
V-Ray|vray
Arnold|=Arnold renderer
KeyShot
Lumion
Enscape
Twinmotion
Rhino|=Rhino|rhinoceros 3d
Grasshopper|=Grasshopper
ArchiCAD
Vectorworks
Chief Architect
Framer|=Framer
Principle|=Principle app
ProtoPie
Axure|axure rp
Balsamiq
Marvel|=Marvel app
Zeplin
Abstract|=Abstract app
Miro|=Miro
Mural|=Mural
FigJam
Lottie
Spline|=Spline 3d
Webflow
Wix|=Wix
Squarespace
Elementor
Divi
Bubble|=Bubble.io
Adobe Bridge
Adobe Camera Raw
Capture One
Adobe Stock
Adobe Fresco
Adobe Dimension
Adobe Substance 3D
Adobe Captivate|captivate
Articulate Storyline|storyline|articulate 360
Camtasia
Snagit
OBS Studio|obs
Vegas Pro|sony vegas
Avid Pro Tools HD
Cubase
Reaper|=Reaper
Sibelius
Finale|=Finale notation
MuseScore
Audio Engineering|sound engineering
Audio Editing
Sound Design
Mixing|=Mixing|audio mixing
Mastering|=Mastering|audio mastering
Podcasting|podcast production
Voice Over|voiceover
Color Grading|colour grading
Visual Effects|vfx
Compositing
Rotoscoping
Matte Painting
Character Design
Concept Art
Digital Painting
Sculpting|digital sculpting
Texturing
Rigging|=Rigging
Lighting Design
Set Design
Costume Design
Fashion Design
Textile Design
Interior Design
Industrial Design
Packaging Design
Exhibition Design
Signage
Infographics
Data Journalism
Screenwriting|script writing|scriptwriting
Film Production
Directing|=Directing
Cinematography
Camera Operation
Broadcasting
Radio Production
Live Streaming
Social Media Content
Community Management
Technical Illustration
Cartography
"""

S["Engineering and CAD"] = """
AutoCAD|auto cad|autocad 2d|autocad 3d
SolidWorks|solid works
CATIA|catia v5
Creo|ptc creo|pro/engineer|pro engineer|proe
Siemens NX|unigraphics|=NX
Autodesk Inventor|inventor|=Inventor
Revit|autodesk revit
Fusion 360|autodesk fusion
SketchUp|sketch up|google sketchup
ANSYS|ansys fluent|ansys workbench
Abaqus
COMSOL
Simulink
LTspice|spice|pspice
Altium Designer|altium
Eagle|=Eagle|eagle cad
KiCad
OrCAD
Cadence|=Cadence|cadence virtuoso
Xilinx|vivado|xilinx ise
Quartus|intel quartus
FPGA|fpga design
PCB Design|pcb layout|pcb
Circuit Design|circuit analysis
Analog Design|analog circuits
Digital Design|digital electronics|digital circuits
Power Electronics
Signal Processing|dsp|digital signal processing
Control Systems|control engineering|control theory
Mechanical Design|machine design
Finite Element Analysis|fea|fem|finite element method
Computational Fluid Dynamics|cfd
Thermodynamics
Fluid Mechanics
Heat Transfer
Structural Analysis|structural engineering
Geotechnical Engineering
Civil Engineering
Surveying|=Surveying|land surveying
Primavera|primavera p6|oracle primavera
Microsoft Project|ms project|ms-project|msp|=MS Project|project server
GD&T|geometric dimensioning and tolerancing
Six Sigma|6 sigma|lean six sigma|six sigma green belt|six sigma black belt|green belt|black belt
Lean Manufacturing|lean production
Kaizen
5S|=5S
Root Cause Analysis|rca|root-cause analysis
FMEA|failure mode and effects analysis
Statistical Process Control|spc
Total Quality Management|tqm
ISO 9001|iso 9001:2015|iso 9000
Quality Control|qc|=QC|quality inspection
Quality Management|quality management systems|qms
CNC|=CNC|cnc programming|cnc machining
CAM|=CAM|computer aided manufacturing
CAD|=CAD|computer aided design|computer-aided design
Manufacturing Processes|manufacturing
Process Engineering|process improvement|process optimization|continuous improvement
Production Planning|production scheduling
Supply Chain Management|supply chain|scm|lieferkettenmanagement
Logistics|=Logistics|logistik|logistique|logistica
Inventory Management|inventory control|stock control|inventory
Procurement|purchasing|einkauf|achats|compras|acquisti|inkoop
Vendor Management|supplier management|vendor relations
Warehouse Management|warehousing|wms
Materials Management
Demand Planning|demand forecasting
MRP|=MRP|material requirements planning
ERP|=ERP|enterprise resource planning
HVAC
Electrical Wiring|wiring
Welding
Plumbing
Carpentry
Machining
Maintenance|=Maintenance|preventive maintenance|predictive maintenance
Health and Safety|hse|ehs|occupational health and safety|osha|workplace safety
Environmental Compliance
Renewable Energy|solar energy|wind energy
Energy Management
Oil and Gas|oil & gas
Automotive|automotive engineering
Aerospace|aerospace engineering
Biomedical Engineering
Chemical Engineering
Materials Science
Nanotechnology
Metrology
Instrumentation
Telecommunications|telecom|telecommunication
RF Engineering|rf|radio frequency
5G|=5G
LTE|=LTE
GSM|=GSM
Fiber Optics|optical fiber|fibre optics
MicroStation
Civil 3D|autocad civil 3d
Navisworks
Tekla Structures|tekla
STAAD.Pro|staad pro|staad
ETABS
SAP2000
SAFE|=SAFE csi
RISA|=RISA-3D
Robot Structural Analysis
PLAXIS
GeoStudio
HEC-RAS
SWMM
WaterCAD
EPANET
Synchro|=Synchro traffic
VISSIM
AutoTURN
BIM|=BIM|building information modeling|building information modelling
Quantity Surveying
Cost Estimation|estimating
Construction Management
Site Management
Building Codes
Structural Design
Reinforced Concrete Design|rcc design
Steel Design
Foundation Design
Bridge Design
Highway Design
Transportation Engineering|traffic engineering
Water Resources Engineering|hydrology|hydraulics
Wastewater Treatment
Environmental Engineering
Environmental Impact Assessment|eia
Sustainability|=Sustainability
LEED|=LEED
BREEAM
Energy Modeling|energy modelling
Building Services|mep|mechanical electrical plumbing
Fire Protection
Electrical Design
Power Systems
Power Distribution
Substation Design
High Voltage
ETAP
PSS/E|psse
DIgSILENT|powerfactory
PSCAD
EPLAN
Relay Protection|protection relays
Motor Control
Variable Frequency Drives|vfd|vfds
Siemens TIA Portal|tia portal
Siemens Step 7|step 7|step7
Allen-Bradley|allen bradley|rockwell automation|rslogix|studio 5000
Schneider Electric|unity pro
Wonderware|aveva
Ignition SCADA|inductive automation
DCS|=DCS|distributed control systems
HMI|=HMI|hmi design
Industrial Automation|automation engineering
Process Control
P&ID|p&ids|piping and instrumentation diagrams
Piping Design
Pressure Vessels
ASME|=ASME codes
API Standards|=API 650
Pipeline Engineering
Reservoir Engineering
Drilling Engineering|drilling
Petroleum Engineering
Process Simulation|aspen plus|aspen hysys|hysys
CHEMCAD
Unit Operations
Mass Transfer
Reaction Engineering
Distillation
Polymer Science|polymers
Composite Materials|composites
Metallurgy
Corrosion Engineering|corrosion
Non-Destructive Testing|ndt|ndt testing
Ultrasonic Testing
Failure Analysis
Tooling Design|tool design
Injection Molding|injection moulding
Sheet Metal|sheet metal design
Casting|=Casting
Forging
Machining Centers
Lathe|lathe operation
Milling|=Milling|cnc milling
Grinding|=Grinding
3D Printing|additive manufacturing
Rapid Tooling
Mastercam
Siemens NX CAM
GibbsCAM
EdgeCAM
PowerMill
Hypermill
Moldflow
MATLAB/Simulink Control Design
Kinematics
Dynamics|=Dynamics engineering
Mechatronics
Hydraulics and Pneumatics|pneumatics
Gearbox Design
Tolerance Analysis|tolerance stack-up
Engineering Drawings|technical drawing|technical drawings|drafting
Blueprint Reading|blueprint reading|reading blueprints
Schematics|schematic capture
BOM|=BOM|bill of materials
PLM|=PLM|product lifecycle management|teamcenter|windchill|enovia
PDM|=PDM|product data management
ECN|engineering change management|change orders
Validation and Verification|v&v|verification and validation
Design Verification
Test Engineering
Calibration|=Calibration
Commissioning|=Commissioning
Installation|=Installation
Field Service
Troubleshooting|fault finding
Preventive Maintenance Programs
CMMS|maximo|ibm maximo
SAP PM|sap plant maintenance
Asset Integrity
Reliability Centered Maintenance|rcm
Lubrication
Boilers|boiler operation
Chillers
Refrigeration
Compressors
Pumps|=Pumps
Turbines
Generators|=Generators
Solar PV|photovoltaics|pv systems
Wind Turbines
Battery Systems|battery management systems|bms
Electric Vehicles|ev|=EV
Hydrogen|fuel cells
Smart Grid
SCADA Systems Integration
"""

S["Business and Management"] = """
Project Management|projektmanagement|gestion de projet|gestion de proyectos|gestao de projetos|gestione progetti|projectmanagement|project manager
Program Management|programme management
Portfolio Management
Product Management|produktmanagement|product manager
Product Owner|po|=PO
Change Management|change control
Risk Management|risikomanagement|gestion des risques|gestion de riesgos|gestao de riscos|gestione del rischio
Stakeholder Management|stakeholder engagement
Strategic Planning|strategy|strategie|estrategia|strategia|business strategy|strategy development
Business Development|business dev|geschaftsentwicklung|developpement commercial|desarrollo de negocio|desenvolvimento de negocios|sviluppo commerciale
Operations Management|operations
General Management
People Management|team management|staff management|managing teams|personalfuhrung
Team Building
Mentoring|coaching|=Coaching
Budgeting|budget management|budget planning|budgetierung
Cost Control|cost reduction|cost management
Forecasting|=Forecasting
Financial Analysis|financial modeling|financial modelling|finanzanalyse
Financial Reporting
Financial Planning|fp&a
Accounting|buchhaltung|comptabilite|contabilidad|contabilidade|contabilita|boekhouding|accountancy
Bookkeeping
Accounts Payable|ap|=AP
Accounts Receivable|ar
General Ledger|gl
Payroll|lohnbuchhaltung|paie|nomina|folha de pagamento
Auditing|audit|internal audit|external audit|wirtschaftsprufung
Taxation|tax|tax preparation|steuern|fiscalite|fiscalidad
IFRS
US GAAP|gaap
Controlling|=Controlling
Treasury|=Treasury
Corporate Finance
Investment Banking
Private Equity
Venture Capital
Asset Management
Wealth Management
Portfolio Analysis
Equity Research
Credit Analysis|credit risk
Underwriting
Banking|=Banking
Insurance|=Insurance
Actuarial Science|actuarial
Mergers and Acquisitions|m&a|mergers & acquisitions
Due Diligence
Valuation|=Valuation|business valuation
Bloomberg Terminal|bloomberg
Reuters|=Reuters|refinitiv
Anti-Money Laundering|aml|kyc
Compliance|regulatory compliance|compliance management
Corporate Governance|governance
Contract Management|contract negotiation|contracts
Negotiation|negotiations|verhandlungsfuhrung|negociation|negociacion|negociacao|negoziazione|onderhandelen
Sales|=Sales|vertrieb|vente|ventas|vendas|vendite|verkoop
Sales Management
B2B Sales|b2b
B2C|=B2C
Account Management|key account management|kam
Customer Relationship Management|crm|=CRM
Lead Generation
Cold Calling
Retail Sales|retail
Merchandising|visual merchandising
Marketing|=Marketing
Digital Marketing|online marketing|internet marketing|marketing digital
Content Marketing
Social Media Marketing|social media|smm|social media management
Email Marketing|e-mail marketing|newsletter
Search Engine Marketing|sem|=SEM|google ads|adwords|google adwords|ppc|pay per click
Affiliate Marketing
Influencer Marketing
Brand Management|brand marketing
Market Research|marktforschung|etude de marche|investigacion de mercados|pesquisa de mercado|ricerca di mercato|marktonderzoek
Marketing Strategy
Product Marketing
Marketing Automation|marketo|pardot|mailchimp
Public Relations|pr|=PR|media relations|offentlichkeitsarbeit|relations publiques|relaciones publicas
Corporate Communications|internal communications|communications
Event Management|event planning|events
Advertising|werbung|publicite|publicidad|publicidade|pubblicita
Customer Service|customer support|client service|kundenservice|service client|atencion al cliente|atendimento ao cliente|servizio clienti|klantenservice
Customer Experience|cx
Customer Success
Call Center|call centre|contact center
Human Resources|hr|=HR|personalwesen|ressources humaines|recursos humanos|risorse umane|personeelszaken
Recruitment|recruiting|talent acquisition|hiring|personalbeschaffung|recrutement|reclutamiento|recrutamento|selezione del personale|werving
Onboarding
Employee Relations
Performance Management|performance appraisal|performance reviews
Compensation and Benefits|compensation|benefits administration
Training and Development|learning and development|l&d|training|staff training
Organizational Development|organisational development
Talent Management
Workforce Planning
HRIS
Labor Law|employment law|arbeitsrecht|droit du travail|derecho laboral
Office Administration|administration|office management|buroorganisation|administratif
Data Entry
Scheduling|calendar management
Bookings|reservations
Reception|front desk|receptionist
Clerical|clerical work
Records Management|document management|filing
Travel Management|travel arrangements
Facilities Management|facility management
Real Estate|property management|immobilien|immobilier|bienes raices
Consulting|=Consulting|management consulting|beratung|conseil|consultoria|consulenza|advies
Business Process Improvement|business process management|bpm|process mapping|business process reengineering|bpr
Business Intelligence Reporting|reporting|=Reporting
KPI|kpis|key performance indicators
OKR|okrs
Balanced Scorecard
SWOT Analysis|swot
Benchmarking
Competitive Analysis|competitor analysis
Feasibility Studies|feasibility study
Business Plans|business planning|business plan
Entrepreneurship|entrepreneurial
Startup|start-up|startups
Innovation Management|innovation
Import/Export|import export|foreign trade|international trade
Customs|=Customs|customs clearance
Freight|freight forwarding
Fleet Management
Transportation Management|transportation
Hospitality|hospitality management|hotel management
Food and Beverage|f&b|food & beverage
Food Safety|haccp
Cooking|culinary|culinary arts
Catering
Tourism|=Tourism|tourismus|tourisme|turismo
Event Coordination
Fundraising
Grant Writing|grant writing
Nonprofit Management|non-profit
Volunteer Management
Community Outreach|outreach
Policy Analysis|public policy
Public Administration
Legal Research
Litigation
Contract Law
Corporate Law
Intellectual Property|ip law|patents|trademarks
Legal Writing|legal drafting
Paralegal|=Paralegal
Notary|=Notary
Agile Coaching|agile coach
Scrum Master Duties
Release Management|release planning
Sprint Planning
Backlog Management|backlog grooming
Roadmapping|product roadmap|roadmaps
Product Strategy
Product Discovery
Product Analytics
Go-to-Market Strategy|go-to-market|gtm strategy
Pricing Strategy|pricing
Revenue Management|yield management
Revenue Operations|revops
Sales Operations|sales ops
Sales Enablement
Sales Forecasting
Pipeline Management
Territory Management
Channel Sales|channel management|channel partners
Partner Management|alliances
Inside Sales
Outside Sales|field sales
Enterprise Sales
SaaS Sales|saas
Solution Selling
Consultative Selling
SPIN Selling
Challenger Sale
Upselling|cross-selling|upselling and cross-selling
Prospecting
Closing|=Closing
Objection Handling
Client Retention|customer retention
Client Onboarding
Customer Journey Mapping|customer journey
Voice of the Customer|voc
Net Promoter Score|nps
Customer Satisfaction|csat
Complaint Handling|complaints handling
Escalation Management
Service Level Agreements|sla|slas
Vendor Negotiation
Strategic Sourcing
Category Management
Spend Analysis
Tendering|tenders|bids|bid management
RFP|=RFP|request for proposal|rfps|rfq
Contract Administration
Purchase Orders|purchase order processing
Invoice Processing|invoicing
Billing|=Billing
Collections|=Collections|debt collection
Credit Control
Cash Management|cash flow management
Bank Reconciliation|reconciliations|account reconciliation
Month-End Close|month end closing|financial close
Consolidation|=Consolidation|financial consolidation
Cost Accounting
Management Accounting
Variance Analysis
Budget Forecasting
Capital Budgeting
Working Capital
Transfer Pricing
VAT|=VAT|value added tax
Sales Tax
Corporate Tax
Personal Tax|individual tax
Estate Planning
Retirement Planning
Financial Advisory|financial advice
Investment Management
Portfolio Construction
Trading|=Trading|equity trading
Derivatives|options|futures
Fixed Income|bonds
Foreign Exchange|forex|fx
Commodities Trading
Hedge Funds
Quantitative Finance|quant
Algorithmic Trading|algo trading
Risk Analytics
Market Risk
Operational Risk
Liquidity Risk
Basel III|basel
Solvency II
Stress Testing
Regulatory Reporting
Loan Processing|loan origination
Mortgage Underwriting|mortgages
Commercial Lending
Retail Banking
Corporate Banking
Trade Finance
Payments|payment processing|=Payments
SWIFT|=SWIFT
SEPA
Cards|card payments|=Cards
FinTech|fintech
InsurTech
Claims Handling|claims processing|claims management
Loss Adjusting
Reinsurance
Policy Administration
Actuarial Modeling
Pension Administration|pensions
Payroll Processing
Time and Attendance
Benefits Enrollment
Employee Engagement
Employer Branding
Diversity and Inclusion|dei|diversity & inclusion
Succession Planning
Job Analysis|job descriptions
Job Evaluation
Interviewing|interviews|=Interviewing
Behavioral Interviewing
Applicant Tracking Systems|ats|applicant tracking
Sourcing|=Sourcing|candidate sourcing
Headhunting|executive search
Boolean Search
LinkedIn Recruiter Usage
Background Checks|background screening
Immigration|visa processing
Exit Interviews
HR Policies|policy development
HR Analytics|people analytics
SuccessFactors|sap successfactors
BambooHR
ADP|=ADP|adp workforce now
Personio
Greenhouse|=Greenhouse ats
Lever|=Lever ats
iCIMS
Taleo|oracle taleo
Cornerstone OnDemand|cornerstone
Kronos|ukg
Ceridian|dayforce
Gusto|=Gusto
Paychex
Sage HR
Zendesk
Freshdesk|freshworks
Intercom|=Intercom
Help Scout
Jira Service Management|jira service desk
Genesys
Five9
Avaya
Twilio
Talkdesk
Aircall
Gong|=Gong.io
Outreach.io|=Outreach
Salesloft
ZoomInfo
Apollo.io
Clearbit
Pipedrive
Insightly
SugarCRM
Copper CRM|=Copper
Microsoft Dynamics CRM
Siebel|oracle siebel
Veeva|veeva crm|veeva vault
Marketo Engage
Eloqua|oracle eloqua
Salesforce Marketing Cloud|exacttarget
Adobe Experience Manager|aem
Adobe Campaign
Adobe Target
Sitecore
Optimizely
Hotjar
Crazy Egg
SEMrush
Ahrefs
Moz|=Moz
Screaming Frog
Google Search Console|search console|webmaster tools
Bing Ads|microsoft advertising
Facebook Ads Manager|meta ads|meta business suite
LinkedIn Ads
Programmatic Advertising|programmatic|dsp advertising
Display Advertising
Native Advertising
Retargeting|remarketing
Conversion Rate Optimization|cro
Landing Pages|landing page optimization
Growth Hacking|growth marketing
Performance Marketing
Demand Generation|demand gen
Account-Based Marketing|abm
Lifecycle Marketing|crm marketing
Loyalty Programs|loyalty marketing
Trade Marketing
Field Marketing
Event Marketing
Partner Marketing
Channel Marketing
Shopper Marketing
Guerrilla Marketing
Direct Marketing|direct mail
Telemarketing
Marketing Communications|marcom|marketing communication
Integrated Marketing
Media Planning
Media Buying
Campaign Management|campaigns|campaign planning
Brand Strategy
Brand Awareness
Positioning|brand positioning
Messaging|=Messaging|product messaging
Storytelling
Content Strategy
Editorial Planning|editorial calendar
Blogging|blog writing
Ghostwriting
SEO Copywriting
UX Writing|microcopy
Proposal Writing|proposals
Press Releases|press release writing
Crisis Communications|crisis management
Reputation Management
Stakeholder Communications
Investor Relations
Government Relations|public affairs|lobbying
Corporate Social Responsibility|csr
ESG|=ESG|esg reporting
Sustainability Reporting|gri reporting
Carbon Accounting
Circular Economy
"""

S["Healthcare and Science"] = """
Patient Care|patientenversorgung|soins aux patients|atencion al paciente
Nursing|pflege|soins infirmiers|enfermeria|enfermagem|infermieristica|verpleging
Clinical Research|clinical trials
Good Clinical Practice|gcp|=GCP
Good Manufacturing Practice|gmp|=GMP
Good Laboratory Practice|glp|=GLP
Pharmacovigilance
Regulatory Affairs
Medical Devices
Medical Coding|icd-10|icd 10|cpt coding
Medical Billing
Electronic Health Records|ehr|emr|electronic medical records
Epic Systems|=Epic|epic emr
Cerner
Phlebotomy
Venipuncture
CPR|=CPR|cardiopulmonary resuscitation
First Aid|erste hilfe|premiers secours|primeros auxilios
Basic Life Support|bls
Advanced Cardiac Life Support|acls
Pediatric Advanced Life Support|pals
Vital Signs
Medication Administration
Wound Care
Infection Control
Triage|=Triage
Physiotherapy|physical therapy|physiotherapie|fisioterapia|kinesitherapie
Occupational Therapy
Speech Therapy|speech-language pathology
Radiology|x-ray|=MRI|=CT scan
Ultrasound|sonography
Laboratory Skills|lab skills|laboratory techniques|laborarbeit
PCR|=PCR|qpcr|rt-pcr
ELISA|=ELISA
Western Blot|western blotting
Cell Culture|tissue culture
Flow Cytometry|facs
Microscopy|confocal microscopy|electron microscopy
Chromatography|hplc|gc-ms|gas chromatography
Mass Spectrometry|ms spectrometry|lc-ms
Spectroscopy|nmr|ftir|uv-vis
Molecular Biology
Microbiology
Biochemistry
Genetics|genomics
Next-Generation Sequencing|ngs|dna sequencing|sequencing
CRISPR
Immunology
Pharmacology
Toxicology
Epidemiology
Public Health
Nutrition|dietetics|ernahrung
Mental Health|counseling|counselling|psychotherapy
Cognitive Behavioral Therapy|cbt
Social Work|sozialarbeit|travail social|trabajo social|servico social|lavoro sociale|maatschappelijk werk
Case Management
Child Care|childcare|kinderbetreuung|garde d'enfants|cuidado de ninos
Elderly Care|aged care|geriatric care|altenpflege
Special Education|special needs|sen
Teaching|lehre|enseignement|ensenanza|ensino|insegnamento|lesgeven
Curriculum Development|curriculum design
Lesson Planning|lesson plans
Classroom Management
E-Learning|elearning|online learning|moodle|blackboard
Instructional Design
Tutoring|nachhilfe|soutien scolaire
Research|=Research|forschung|recherche|investigacion|pesquisa|ricerca|onderzoek
Scientific Writing|academic writing
Literature Review
Grant Proposals
Laboratory Management
Chemistry|chemie|chimie|quimica|chimica
Physics|physik|physique|fisica|natuurkunde
Mathematics|math|maths|mathematik|mathematiques|matematicas|matematica|wiskunde
Biology|biologie|biologia
Ecology
Environmental Science
Geology
Astronomy
Anatomy
Physiology
Pathology
Histology
Cytology
Hematology
Oncology
Cardiology
Neurology
Pediatrics|paediatrics
Geriatrics
Obstetrics|midwifery
Gynecology
Dermatology
Psychiatry
Orthopedics|orthopaedics
Emergency Medicine|emergency care|er
Intensive Care|icu|critical care
Anesthesia|anaesthesia
Surgery|=Surgery|surgical
Operating Room|theatre nursing|=OR nursing
Dialysis|hemodialysis
Telemetry
ECG|ekg|electrocardiography
EEG|=EEG
Spirometry
Blood Pressure Monitoring
Catheterization|catheter care
IV Therapy|iv insertion|intravenous therapy
Injections|=Injections
Immunizations|vaccinations|vaccination
Medication Reconciliation
Patient Assessment|nursing assessment
Care Planning|care plans
Discharge Planning
Palliative Care|hospice care|end of life care
Rehabilitation
Home Health|home care
Dementia Care|alzheimer's care
Mental Health Nursing
Community Health
Health Promotion
Health Education
Patient Education
Clinical Documentation
HIPAA Compliance
Medical Terminology
Medical Transcription
Health Information Management|him
Revenue Cycle Management|rcm billing
Prior Authorization
Insurance Verification
Healthcare Administration|health administration
Hospital Administration
Clinical Governance
Quality Improvement|qi
Patient Safety
Infection Prevention
Sterilization|sterile processing
Dental Assisting|dental assistant
Dental Hygiene
Optometry
Audiology
Radiography|x-ray technology
Nuclear Medicine
Radiation Therapy
Mammography
MRI Technology
CT Technology
Sonography Skills
Pharmacy Practice|pharmacy
Dispensing|=Dispensing
Compounding|=Compounding
Clinical Pharmacy
Drug Development
Drug Discovery
Medicinal Chemistry
Analytical Chemistry
Organic Chemistry
Inorganic Chemistry
Physical Chemistry
Formulation|=Formulation|formulation development
Stability Testing
Method Validation|method development
Dissolution Testing
Titration
Karl Fischer
GLP Documentation
LIMS|=LIMS|laboratory information management system
ELN|=ELN|electronic lab notebook
Empower|=Empower cds
Chromeleon
ChemStation
GraphPad Prism|prism|graphpad
ImageJ|fiji
FlowJo
SnapGene
Benchling
BLAST|=BLAST
Protein Purification
Protein Expression
Cloning|molecular cloning
Transfection
Immunohistochemistry|ihc
Immunofluorescence
In Situ Hybridization|fish|=ISH
Animal Handling|animal models
Aseptic Technique|sterile technique
Biosafety|bsl-2
Fermentation
Bioprocessing|bioprocess
Downstream Processing
Upstream Processing
Cell Biology
Stem Cells
Neuroscience
Virology
Parasitology
Mycology
Biophysics
Structural Biology|crystallography|x-ray crystallography
Cryo-EM
Computational Biology
Systems Biology
Synthetic Biology
Proteomics
Metabolomics
Transcriptomics|rna-seq
Single-Cell Sequencing|scrna-seq
Phylogenetics
Population Genetics
Plant Biology|botany
Zoology
Marine Biology
Entomology
Agronomy
Soil Science
Horticulture
Forestry
Veterinary Medicine|veterinary
Animal Care
Food Science
Food Technology
Sensory Evaluation
Quality Assurance Food|food quality
Clinical Trial Management|ctms
Protocol Development
Informed Consent
Data Monitoring|clinical data management
Medical Writing
Regulatory Submissions|ind|nda|ectd
FDA Regulations|fda|21 cfr part 11
EMA Regulations|=EMA
CE Marking|ce mark
MDR|=MDR|medical device regulation
IVDR
Health Economics|heor
Market Access
Medical Affairs
Medical Science Liaison|msl
Pharmaceutical Sales
"""

S["Office and Productivity"] = """
Microsoft Office|ms office|msoffice|ms-office|office suite|microsoft office suite|=MS Office|office 2010|office 2016|microsoft suite
Microsoft Word|ms word|=Word|word processing|winword
Microsoft PowerPoint|powerpoint|ms powerpoint|power point|ppt
Microsoft Outlook|outlook|ms outlook
Microsoft Visio|visio|ms visio
Microsoft OneNote|onenote
Google Workspace|g suite|gsuite|google apps|google docs
LibreOffice|openoffice|open office
Apple Keynote|keynote|=Keynote
Apple Pages|=Pages
Apple Numbers|=Numbers
Lotus 1-2-3|lotus
Typing|touch typing|10-key|ten key
Shorthand|=Shorthand|stenography
Transcription
Translation|translating|ubersetzung|traduction|traduccion|traducao|traduzione|vertaling
Interpretation|interpreting|dolmetschen|interpretariat
Driving License|driver's license|drivers license|fuhrerschein|permis de conduire|permis b|carnet de conducir|carta de conducao|patente di guida|rijbewijs
Microsoft Excel Charts|excel charts
Microsoft Planner
Microsoft Forms
Microsoft Bookings
Microsoft Access Reports
Microsoft Publisher|publisher|=Publisher
Microsoft Project Online
Microsoft Loop
Microsoft Copilot|copilot
Google Drive
Google Calendar
Google Forms
Google Slides
Gmail|=Gmail
Dropbox
Box|=Box.com
OneDrive
Evernote
Todoist
ClickUp
Smartsheet
Airtable
Basecamp
Wrike
Zoho Projects
Teamwork.com
Harvest|=Harvest time tracking
Toggl
Calendly
DocuSign
Adobe Sign
PandaDoc
Zapier
Make.com|integromat
IFTTT
UiPath
Automation Anywhere
Blue Prism
Robotic Process Automation|rpa|=RPA
Power BI Service
Visio Diagrams
Lucidchart
draw.io|diagrams.net
OmniGraffle
Mind Mapping|mindmapping|xmind|mindmanager
Note Taking|minute taking|minutes
Dictation
Switchboard|switchboard operation
Mail Merge
Filing Systems|filing
Office Equipment|photocopiers|fax machines
Petty Cash
Expense Reports|expense management|concur|sap concur
Travel Booking
Event Logistics
Meeting Planning|meeting coordination
Diary Management
Executive Support|executive assistance
Gatekeeping
Correspondence|business correspondence
Cover Letters
Business Writing
Grammar|=Grammar
Spelling|=Spelling
Braille|=Braille
Sign Language|asl|british sign language|bsl
Forklift|forklift operation|forklift license
Pallet Jack
Heavy Equipment Operation|heavy machinery
CDL|=CDL|commercial driver's license
Truck Driving|hgv|lorry driving
Defensive Driving
Route Planning
Dispatching|dispatch
Delivery|=Delivery|deliveries
Shipping and Receiving|shipping|receiving
Order Picking|picking and packing|pick and pack
Packing|=Packing
Cycle Counting|stock taking|stocktaking
Barcode Scanning|rf scanning
Loading and Unloading|loading
Material Handling
Cashiering|cash handling|pos|point of sale
Stock Replenishment|restocking|shelf stocking
Visual Displays
Food Preparation|food prep
Food Handling|food hygiene|food handler
Baking|=Baking
Pastry|pastry arts
Barista Skills|coffee making|espresso
Bartending|mixology
Wine Knowledge|sommelier|wine service
Table Service|fine dining|waiting tables
Banquets|banquet service
Housekeeping|=Housekeeping
Laundry|=Laundry
Cleaning|=Cleaning|janitorial
Security Guarding|security officer|cctv monitoring
Loss Prevention
Crowd Control
Landscaping|gardening|groundskeeping
Painting and Decorating|decorating
Tiling
Roofing
Masonry|bricklaying
Drywall|plastering
Framing|=Framing
Concrete|concreting
Scaffolding
Glazing|=Glazing
Joinery
Cabinet Making|cabinetry
Upholstery
Sewing|tailoring
Alterations|=Alterations
Hairdressing|hair styling|hair cutting
Barbering
Cosmetology
Makeup|makeup artistry
Nail Technology|manicure|pedicure
Massage Therapy|massage
Esthetics|beauty therapy
Personal Training|personal trainer
Fitness Instruction|group fitness
Yoga|=Yoga|yoga instruction
Pilates
Lifeguarding|lifeguard
Swimming Instruction|swim instructor
Sports Coaching
Refereeing
Event Security
Childminding|babysitting
Early Childhood Education|early years|eyfs|kindergarten
Montessori|montessori education
Primary Education|elementary education
Secondary Education
Higher Education
Adult Education
Vocational Training
ESL|=ESL|english as a second language|efl|tefl|tesol|celta
Language Teaching|language instruction
Literacy|=Literacy|reading instruction|phonics
Numeracy
STEM Education|stem
Assessment Design|assessment|=Assessment
Grading|marking
Differentiated Instruction|differentiation
Inclusive Education|inclusion
IEP|=IEP|individualized education program
Behavior Management|behaviour management
Parent Communication|parent engagement
Student Counseling|guidance counseling|school counseling
Academic Advising
Admissions|=Admissions|student recruitment
Student Affairs|student services
Career Services|career counseling|career guidance
Residence Life
Alumni Relations
Library Science|librarianship|cataloguing|cataloging
Archiving|archives|archival
Museum Studies|curation|curating
Conservation|=Conservation
Historical Research
Genealogy
Theology
Philosophy|=Philosophy
Sociology
Anthropology
Archaeology
Political Science
International Relations
Economics|=Economics
Linguistics
Psychology|=Psychology
Criminology
Law Enforcement|policing
Investigations|investigation
Interviewing Witnesses
Report Writing Police
Firearms|firearm handling
Emergency Response|emergency management
Disaster Response
Firefighting|fire fighting
Search and Rescue
Military Operations|military
Logistics Military
Aviation|=Aviation
Air Traffic Control
Aircraft Maintenance|a&p|aircraft mechanics
Avionics
Flight Operations
Private Pilot License|ppl
Commercial Pilot License|cpl
Maritime|=Maritime|seamanship
Navigation|=Navigation
Ship Handling
Port Operations
Customs Brokerage
Incoterms
Letters of Credit
Freight Audit
Route Optimization
Last Mile Delivery|last mile
3PL|third-party logistics
Cold Chain
Distribution Center Operations|distribution
Fulfillment|order fulfillment|fulfilment
Reverse Logistics|returns management
"""

S["Soft Skills"] = """
Leadership|team leadership|fuhrung|fuhrungskompetenz|leadership skills|liderazgo|lideranca|direction d'equipe
Multitasking|multi-tasking
Time Management|zeitmanagement|gestion du temps|gestion del tiempo|gestao do tempo|gestione del tempo|timemanagement
Organizational Skills|organisational skills|organization|organisation|organizational|organisationstalent
Attention to Detail|detail oriented|detail-oriented
Problem Solving|problem-solving|problemlosung|resolution de problemes|resolucion de problemas|resolucao de problemas|problem solving skills|probleemoplossend
Critical Thinking|kritisches denken|pensee critique|pensamiento critico
Analytical Skills|analytical|analytical thinking|analytisches denken|esprit d'analyse|capacidad analitica
Decision Making|decision-making|entscheidungsfindung|prise de decision|toma de decisiones
Communication|communication skills|kommunikation|kommunikationsfahigkeit|comunicacion|comunicacao|comunicazione|communicatie|verbal communication|written communication|good communication
Interpersonal Skills|interpersonal|people skills|relationship building
Teamwork|team work|team player|teamfahigkeit|teamarbeit|travail d'equipe|trabajo en equipo|trabalho em equipe|lavoro di squadra|samenwerken|collaboration|=Collaboration
Adaptability|flexibility|flexibilitat|adaptabilite|adaptabilidad|flessibilita
Creativity|kreativitat|creativite|creatividad|criatividade|creativita|creativiteit|creative thinking
Emotional Intelligence
Conflict Resolution|conflict management|konfliktlosung|gestion des conflits|resolucion de conflictos
Customer Focus|customer orientation|kundenorientierung|orientation client|orientacion al cliente
Work Ethic
Self-Motivation|self motivated|self-motivated|selbstmotivation
Stress Management|working under pressure|belastbarkeit
Active Listening
Empathy|empathie|empatia
Persuasion
Networking Skills|=Networking skills
Presentation Skills
Report Writing
Research Skills
Planning|=Planning|planung|planification|planificacion|planejamento|pianificazione|planning skills
Coordination|=Coordination|koordination
Delegation|=Delegation
Motivation|=Motivation
Initiative|=Initiative
Reliability|zuverlassigkeit|fiabilite
"""

S["Social Media Platforms"] = """
Facebook|facebook ads|facebook marketing
Twitter|=X (Twitter)
LinkedIn|linkedin recruiter
Instagram
YouTube|you tube
Pinterest
TikTok|tik tok
Snapchat
MySpace
Flickr
Tumblr
Reddit
WhatsApp Business
Hootsuite
Buffer|=Buffer
Sprout Social
TypePad
Blogger|=Blogger
Medium|=Medium
Substack
Vimeo
"""

S["Certifications"] = """
PMP|=PMP|project management professional
PRINCE2|prince 2|prince2 foundation|prince2 practitioner
CAPM
Certified ScrumMaster|csm|=CSM|scrum master|scrummaster|professional scrum master|psm
CISSP
CISM
CISA
CEH|certified ethical hacker
CompTIA A+|a+ certification|comptia a plus
CompTIA Network+|network+
CompTIA Security+|security+
AWS Certified Solutions Architect|aws solutions architect
AWS Certified Developer
Azure Fundamentals|az-900
Certified Kubernetes Administrator|cka
MCSE
MCSA
MCP|=MCP|microsoft certified professional
OCP|=OCP|oracle certified professional
OCA|=OCA|oracle certified associate
RHCE
RHCSA
CFA|=CFA|chartered financial analyst
CPA|=CPA|certified public accountant
ACCA
CIMA
CMA|=CMA|certified management accountant
FRM|=FRM
CFP|=CFP|certified financial planner
SHRM-CP|shrm
PHR|=PHR
CIPD
TOEFL
IELTS
Cambridge English|cambridge certificate|fce|cae|cpe
DELF
DALF
DELE
Goethe-Zertifikat|goethe zertifikat|goethe certificate
TOEIC
"""

REL = """
PostgreSQL	MySQL	similar
PostgreSQL	MariaDB	similar
MySQL	MariaDB	similar
PostgreSQL	Microsoft SQL Server	similar
PostgreSQL	Oracle Database	similar
MySQL	Microsoft SQL Server	similar
Oracle Database	Microsoft SQL Server	similar
MongoDB	Couchbase	similar
MongoDB	CouchDB	similar
Cassandra	HBase	similar
Redis	Memcached	similar
Elasticsearch	Solr	similar
Elasticsearch	OpenSearch	similar
React	Vue.js	similar
React	Angular	similar
Vue.js	Angular	similar
React	Svelte	similar
Next.js	Nuxt.js	similar
React	React Native	related
Flutter	React Native	similar
Swift	Objective-C	similar
Kotlin	Java	similar
Scala	Java	similar
Java	C#	similar
C	C++	related
C++	Rust	similar
Go	Rust	similar
Python	Ruby	similar
Python	R	similar
JavaScript	TypeScript	similar
Django	Flask	similar
Flask	FastAPI	similar
Django	Ruby on Rails	similar
Laravel	Symfony	similar
Spring Boot	Quarkus	similar
Spring Boot	Micronaut	similar
Express.js	Koa	similar
Express.js	NestJS	similar
Express.js	Fastify	similar
Amazon Web Services	Microsoft Azure	similar
Amazon Web Services	Google Cloud Platform	similar
Microsoft Azure	Google Cloud Platform	similar
Docker	Podman	similar
Kubernetes	OpenShift	similar
Kubernetes	Docker Swarm	similar
Terraform	Pulumi	similar
Terraform	CloudFormation	similar
Ansible	Puppet	similar
Ansible	Chef	similar
Jenkins	GitLab CI	similar
Jenkins	GitHub Actions	similar
GitHub Actions	GitLab CI	similar
CircleCI	Travis CI	similar
Prometheus	Datadog	similar
Grafana	Kibana	similar
Splunk	Elasticsearch	related
TensorFlow	PyTorch	similar
Keras	TensorFlow	related
scikit-learn	XGBoost	related
pandas	NumPy	related
Apache Spark	Hadoop	related
Apache Spark	Apache Flink	similar
Apache Kafka	RabbitMQ	similar
Apache Kafka	Amazon Kinesis	similar
RabbitMQ	ActiveMQ	similar
Airflow	Prefect	similar
Airflow	Dagster	similar
Tableau	Power BI	similar
Tableau	Looker	similar
Power BI	Qlik	similar
Snowflake	Amazon Redshift	similar
Snowflake	Google BigQuery	similar
Amazon Redshift	Google BigQuery	similar
Jira	Trello	similar
Jira	Asana	similar
Confluence	SharePoint	similar
Git	Subversion	similar
Git	Mercurial	similar
Maven	Gradle	similar
Selenium	Cypress	similar
Selenium	Playwright	similar
Cypress	Playwright	similar
JUnit	TestNG	similar
Jest	Mocha	similar
pytest	unittest	similar
Adobe Photoshop	GIMP	similar
Adobe Illustrator	Inkscape	similar
Adobe Illustrator	CorelDRAW	similar
Figma	Sketch	similar
Figma	Adobe XD	similar
Adobe Premiere Pro	Final Cut Pro	similar
Adobe Premiere Pro	DaVinci Resolve	similar
AutoCAD	SolidWorks	related
SolidWorks	CATIA	similar
SolidWorks	Creo	similar
SolidWorks	Autodesk Inventor	similar
Revit	AutoCAD	related
ANSYS	Abaqus	similar
MATLAB	Python	related
MATLAB	Simulink	related
Salesforce	HubSpot	similar
Salesforce	Dynamics 365	similar
SAP	Oracle E-Business Suite	similar
QuickBooks	Xero	similar
QuickBooks	Sage	similar
Microsoft Office	Google Workspace	similar
Microsoft Office	LibreOffice	similar
Excel	Google Sheets	similar
Microsoft Word	Google Workspace	related
Linux	Unix	similar
Ubuntu	Debian	similar
Red Hat Enterprise Linux	CentOS	similar
Red Hat Enterprise Linux	Ubuntu	similar
Windows Server	Linux	related
Nginx	Apache HTTP Server	similar
Apache Tomcat	JBoss	similar
VMware	Hyper-V	similar
VMware	KVM	similar
Scrum	Kanban	similar
Agile	Scrum	related
Project Management	Program Management	similar
PMP	PRINCE2	similar
Certified ScrumMaster	PMP	related
CompTIA Security+	CISSP	related
Machine Learning	Deep Learning	related
Machine Learning	Data Science	related
Natural Language Processing	Large Language Models	related
Computer Vision	OpenCV	related
Data Analysis	Statistics	related
Accounting	Bookkeeping	similar
Auditing	Accounting	related
Digital Marketing	Social Media Marketing	related
Search Engine Optimization	Search Engine Marketing	similar
Recruitment	Human Resources	related
Customer Service	Customer Success	similar
Sales	Business Development	similar
Teaching	Tutoring	similar
Nursing	Patient Care	related
HTML	CSS	related
Sass	Less	similar
Webpack	Vite	similar
npm	Yarn	similar
Unity	Unreal Engine	similar
OpenGL	Vulkan	similar
OpenGL	DirectX	similar
Bash	PowerShell	similar
Perl	Python	similar
PHP	Ruby	similar
Visual Studio Code	IntelliJ IDEA	similar
Eclipse	IntelliJ IDEA	similar
"""


TECH = {"Programming Languages", "Web Frameworks and Libraries", "Databases", "Cloud and DevOps",
        "Data and Machine Learning", "Software Engineering"}
GENERIC_SUFFIXES = ("ing", "tion", "sion", "ment", "ics", "ance", "ence", "ity", "ure", "ogy", "ry",
                    "ism", "ship", "ness", "age")
KEEP_IN_PROSE = {"Hadoop", "Jenkins", "Kubernetes", "Windows", "Linux", "Unix", "Redis", "Excel",
                 "Ubuntu", "Debian", "Salesforce", "Tableau", "Photoshop", "AutoCAD", "SolidWorks",
                 "Clojure", "Solidity", "Celery", "Sentry", "Confluence", "Subversion", "Gatling",
                 "Qualtrics", "Audacity", "Twinmotion", "Vectorworks", "Axure", "Sibelius", "Abaqus",
                 "Quartus", "Navisworks", "Reuters", "Kronos", "Genesys", "Ahrefs", "Benchling",
                 "Bioinformatics", "Econometrics", "Biostatistics", "Statuspage", "Notion"}


def listed_only(canon, cat):
    """Generic one-word names ("Training", "Sales", "Security") name a skill
    when the resume lists them as skills, not when prose uses the word."""
    if cat == "Soft Skills":
        return True
    if " " in canon or not canon.isalpha() or canon in KEEP_IN_PROSE:
        return False
    if not (canon[0].isupper() and canon[1:].islower()):
        return False  # PostgreSQL, SAP: names, not words
    low = canon.lower()
    if low.endswith(GENERIC_SUFFIXES):
        return True
    return cat not in TECH and low.endswith("s")


GENERIC_WORDS = {"events", "research", "hardware", "security", "sales", "retail", "contracts",
                 "networks", "campaigns", "operations", "presentations", "strategy", "insurance",
                 "pricing", "proposals", "interviews", "admissions", "distribution", "specifications",
                 "training", "testing", "administration", "documentation", "communications",
                 "reporting", "exchange", "cloud", "shell", "design", "inventory", "retail",
                 "networking", "audit", "tax", "hiring", "staffing", "operations", "assessment"}


def generic_alias(alias):
    if not alias.isalpha() or not alias.islower():
        return False
    return alias in GENERIC_WORDS or alias.endswith(GENERIC_SUFFIXES)


def main():
    seen = {}
    lines = ["# Shortlist skills gazetteer: canonical<TAB>category<TAB>aliases (| separated; =X: case-sensitive)<TAB>flags (s: only from skills lists)",
             "# Written for Shortlist; CC0-1.0. Generated by generate.py - edit the script, not this file."]
    n_alias = 0
    for cat, block in S.items():
        for raw in block.strip().splitlines():
            raw = raw.strip()
            if not raw:
                continue
            parts = [p.strip() for p in raw.split("|") if p.strip()]
            canon, aliases = parts[0], parts[1:]
            # short all-letter aliases ("ai", "ps", "hr") are ordinary words
            # or syllables in lower case: only their capitalised form counts
            aliases = ["=" + a.upper() if (a.isalpha() and len(a) <= 3 and a.islower()) else a
                       for a in aliases]
            aliases = list(dict.fromkeys(aliases))
            # a short canonical name ("COM", "D", "Hue") is matched only as written
            if canon.isalpha() and len(canon) <= 4 and "=" + canon not in aliases:
                aliases.append("=" + canon)
            flags = "s" if listed_only(canon, cat) else ""
            # generic one-word aliases ("training", "security") likewise
            aliases = ["~" + a if generic_alias(a) else a for a in aliases]
            key = canon.casefold()
            if key in seen:
                continue
            seen[key] = canon
            n_alias += len(aliases)
            lines.append("%s\t%s\t%s\t%s" % (canon, cat, "|".join(aliases), flags))
    with open(os.path.join(HERE, "skills.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    rel_lines = ["# close relatives: A<TAB>B<TAB>kind (similar = can stand in for each other; related = often together)"]
    for raw in REL.strip().splitlines():
        a, b, kind = raw.split("\t")
        if a.casefold() not in seen or b.casefold() not in seen:
            raise SystemExit("relation names an unknown skill: %r" % raw)
        rel_lines.append(raw)
    with open(os.path.join(HERE, "relations.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rel_lines) + "\n")
    print("%d skills, %d aliases, %d relations" % (len(seen), n_alias, len(rel_lines) - 1))


if __name__ == "__main__":
    main()
